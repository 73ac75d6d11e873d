package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link NameModel} with the averaged perceptron: for every token the finder would score, the
 * features given the gold label of the token before; a wrong best label moves the weights towards the gold
 * one. Averaging the weights over every step is what makes the perceptron generalise almost like a maximum
 * entropy model, at a fraction of the training time. Deterministic: the same passages and settings give
 * the same model, byte for byte.
 */
public final class NameTrainer {

    /** One token to learn from: its features, its gold label and whether it may continue a name. */
    private record Event(long[] features, int gold, int previous, boolean mayContinue) {
    }

    public record Settings(int epochs, int cutoff, long seed) {
        public static final Settings DEFAULT = new Settings(8, 2, 42);
    }

    /** A word is common when written in lowercase at least this often, and more often than capitalised. */
    private static final int MIN_LOWERCASE = 2;

    private final Settings settings;
    private final Clock clock;

    public NameTrainer(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public NameModel train(List<ConllCorpus.Passage> passages, String trainingData) {
        Map<Long, int[]> casing = new HashMap<>();
        List<Event> events = events(passages, casing);
        Map<Long, Integer> seen = new HashMap<>();
        for (Event event : events) {
            for (long f : event.features()) {
                seen.merge(f, 1, Integer::sum);
            }
        }
        Map<Long, double[]> weights = new HashMap<>();
        for (Map.Entry<Long, Integer> entry : seen.entrySet()) {
            if (entry.getValue() >= settings.cutoff()) {
                // the current weights, then the sum of (step × update) that averaging subtracts
                weights.put(entry.getKey(), new double[2 * NameLabels.COUNT]);
            }
        }
        long step = learn(events, weights);
        Map<Long, float[]> averaged = average(weights, step);
        int tokens = passages.stream().mapToInt(p -> p.words().size()).sum();
        int sentences = passages.stream().mapToInt(ConllCorpus.Passage::sentences).sum();
        NameModelInfo info = new NameModelInfo(version(passages), NameModelInfo.FEATURE_SCHEME, trainingData, sentences,
                tokens, settings.epochs(), settings.cutoff(), averaged.size(), clock.instant());
        long[] commonWords = casing.entrySet().stream()
                .filter(e -> e.getValue()[0] >= MIN_LOWERCASE && e.getValue()[0] >= e.getValue()[1])
                .mapToLong(Map.Entry::getKey).sorted().toArray();
        return new NameModel(info, averaged, commonWords);
    }

    /** The perceptron's passes over the events; returns the number of steps taken (for averaging). */
    private long learn(List<Event> events, Map<Long, double[]> weights) {
        List<Event> order = new ArrayList<>(events);
        Random random = new Random(settings.seed());
        float[] scores = new float[NameLabels.COUNT];
        long step = 1;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (Event event : order) {
                Arrays.fill(scores, 0f);
                for (long f : event.features()) {
                    double[] w = weights.get(f);
                    if (w != null) {
                        for (int l = 0; l < NameLabels.COUNT; l++) {
                            scores[l] += (float) w[l];
                        }
                    }
                }
                int predicted = NameFinder.best(scores, event.previous(), event.mayContinue());
                if (predicted != event.gold()) {
                    update(event, predicted, step, weights);
                }
                step++;
            }
        }
        return step;
    }

    private static void update(Event event, int predicted, long step, Map<Long, double[]> weights) {
        for (long f : event.features()) {
            double[] w = weights.get(f);
            if (w != null) {
                w[event.gold()] += 1;
                w[predicted] -= 1;
                w[NameLabels.COUNT + event.gold()] += step;
                w[NameLabels.COUNT + predicted] -= step;
            }
        }
    }

    /** The weights averaged over every step; features whose weights all stay near zero are dropped. */
    private static Map<Long, float[]> average(Map<Long, double[]> weights, long step) {
        Map<Long, float[]> averaged = new HashMap<>();
        for (Map.Entry<Long, double[]> entry : weights.entrySet()) {
            double[] w = entry.getValue();
            float[] avg = new float[NameLabels.COUNT];
            boolean any = false;
            for (int l = 0; l < NameLabels.COUNT; l++) {
                avg[l] = (float) (w[l] - w[NameLabels.COUNT + l] / step);
                any |= Math.abs(avg[l]) > 1e-3;
            }
            if (any) {
                averaged.put(entry.getKey(), avg);
            }
        }
        return averaged;
    }

    /**
     * The features of every token the finder would score; {@code casing} counts, per word hash, the times it
     * is written in lowercase and capitalised away from a sentence start.
     */
    private static List<Event> events(List<ConllCorpus.Passage> passages, Map<Long, int[]> casing) {
        NewsAnalyzer analyzer = new NewsAnalyzer();
        Vocabulary stems = new Vocabulary();
        Vocabulary words = new Vocabulary();
        AnalyzedText reuse = new AnalyzedText();
        long[] features = new long[NameFeatures.MAX];
        List<Event> events = new ArrayList<>();
        for (ConllCorpus.Passage passage : passages) {
            AlignedPassage aligned = AlignedPassage.of(passage, analyzer, stems, words, reuse);
            AnalyzedText text = aligned.text;
            for (int i = 0; i < text.size(); i++) {
                countCasing(text, i, casing);
                int previous = i > 0 ? aligned.gold[i - 1] : NameLabels.OUTSIDE;
                if (!NameFinder.isCandidate(text, i, previous)) {
                    continue;
                }
                int n = NameFeatures.of(text, i, previous, features);
                events.add(new Event(Arrays.copyOf(features, n), aligned.gold[i], previous, NameFinder.mayContinue(text, i)));
            }
        }
        analyzer.close();
        return events;
    }

    private static void countCasing(AnalyzedText text, int i, Map<Long, int[]> casing) {
        if (!text.is(i, AnalyzedText.ALPHA) || text.is(i, AnalyzedText.ALL_CAPS)) {
            return;
        }
        int gap = NameFeatures.gapBefore(text, i);
        if (gap == NameFeatures.GAP_SENTENCE || gap == NameFeatures.GAP_EDGE) {
            return;
        }
        int[] counts = casing.computeIfAbsent(text.wordHash(i), h -> new int[2]);
        counts[text.is(i, AnalyzedText.CAPITALISED) ? 1 : 0]++;
    }

    /** {@code names-} and the first 12 hex digits of a SHA-256 of the settings and every token and tag. */
    private String version(List<ConllCorpus.Passage> passages) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((settings + "|" + NameModelInfo.FEATURE_SCHEME).getBytes(StandardCharsets.UTF_8));
            for (ConllCorpus.Passage passage : passages) {
                for (int t = 0; t < passage.words().size(); t++) {
                    digest.update(passage.words().get(t).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(passage.tags().get(t).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            return "names-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
