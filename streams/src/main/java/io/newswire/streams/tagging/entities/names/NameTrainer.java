package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import io.newswire.streams.tagging.entities.Gazetteer;
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
 * Trains a {@link NameModel} with the averaged structured perceptron: every run of tokens the finder would
 * score is decoded as the finder decodes it ({@link BioDecoder}), and a wrong path moves the weights towards
 * the gold one. Averaging the weights over every step is what makes the perceptron generalise almost like a maximum
 * entropy model, at a fraction of the training time. Deterministic: the same passages and settings give
 * the same model, byte for byte.
 */
public final class NameTrainer {

    /**
     * One token to learn from: its label-independent features, its history features after each previous
     * label ({@link NameFeatures#HISTORY} per label), what it may be in a name, and its gold label.
     */
    private record Token(long[] features, long[] history, long[] memory, long word, boolean capitalised, int flags,
                         int gold) {
    }

    /** A run of candidate tokens: decoded together, learned from together. */
    private record Run(Token[] tokens) {
    }

    /** The runs of one passage, in order: what the finder made of a word earlier in it is a feature. */
    private record PassageRuns(List<Run> runs) {
    }

    public record Settings(int epochs, int cutoff, long seed) {
        public static final Settings DEFAULT = new Settings(8, 2, 42);
    }

    /** A word is common when written in lowercase at least this often, and more often than capitalised. */
    private static final int MIN_LOWERCASE = 2;

    private final Settings settings;
    private final Clock clock;
    private final Gazetteer gazetteer;

    /** A trainer whose models know the names of the shipped gazetteer ({@link KnownNames}). */
    public NameTrainer(Settings settings, Clock clock) {
        this(settings, clock, Gazetteer.defaultGazetteer());
    }

    public NameTrainer(Settings settings, Clock clock, Gazetteer gazetteer) {
        this.settings = settings;
        this.clock = clock;
        this.gazetteer = gazetteer;
    }

    public NameModel train(List<ConllCorpus.Passage> passages, String trainingData) {
        Map<Long, int[]> casing = new HashMap<>();
        KnownNames known = KnownNames.of(gazetteer);
        List<PassageRuns> byPassage = runs(passages, known, casing);
        List<Run> runs = byPassage.stream().flatMap(p -> p.runs().stream()).toList();
        Map<Long, Integer> seen = new HashMap<>();
        for (Run run : runs) {
            int previous = NameLabels.OUTSIDE;
            for (Token token : run.tokens()) {
                for (long f : token.features()) {
                    seen.merge(f, 1, Integer::sum);
                }
                for (long f : token.memory()) {
                    seen.merge(f, 1, Integer::sum);
                }
                for (int h = 0; h < NameFeatures.HISTORY; h++) {
                    seen.merge(token.history()[previous * NameFeatures.HISTORY + h], 1, Integer::sum);
                }
                previous = token.gold();
            }
        }
        Map<Long, double[]> weights = new HashMap<>();
        for (Map.Entry<Long, Integer> entry : seen.entrySet()) {
            if (entry.getValue() >= settings.cutoff()) {
                // the current weights, then the sum of (step × update) that averaging subtracts
                weights.put(entry.getKey(), new double[2 * NameLabels.COUNT]);
            }
        }
        long step = learn(byPassage, weights);
        Map<Long, float[]> averaged = average(weights, step);
        int tokens = passages.stream().mapToInt(p -> p.words().size()).sum();
        int sentences = passages.stream().mapToInt(ConllCorpus.Passage::sentences).sum();
        NameModelInfo info = new NameModelInfo(version(passages, known), NameModelInfo.FEATURE_SCHEME, trainingData, sentences,
                tokens, settings.epochs(), settings.cutoff(), averaged.size(), clock.instant());
        long[] commonWords = casing.entrySet().stream()
                .filter(e -> e.getValue()[0] >= MIN_LOWERCASE && e.getValue()[0] >= e.getValue()[1])
                .mapToLong(Map.Entry::getKey).sorted().toArray();
        return new NameModel(info, averaged, commonWords, known);
    }

    /**
     * The structured perceptron's passes over the runs: each run is decoded with the current weights, and a
     * path other than the gold one moves the weights of the gold path's features up and of the decoded
     * path's down. Returns the number of steps taken (for averaging).
     */
    private long learn(List<PassageRuns> passages, Map<Long, double[]> weights) {
        List<PassageRuns> order = new ArrayList<>(passages);
        Random random = new Random(settings.seed());
        int labels = NameLabels.COUNT;
        int longest = passages.stream().flatMap(p -> p.runs().stream()).mapToInt(r -> r.tokens().length).max()
                .orElse(1);
        long[] memory = new long[longest];
        Map<Long, Integer> remembered = new HashMap<>();
        float[] emit = new float[longest * labels];
        float[] trans = new float[longest * labels * labels];
        float[] delta = new float[longest * labels];
        int[] back = new int[longest * labels];
        int[] flags = new int[longest];
        int[] predicted = new int[longest];
        long step = 1;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (PassageRuns passage : order) {
                remembered.clear();
                for (Run run : passage.runs()) {
                    step = learn(run.tokens(), remembered, weights, step, new Work(emit, trans, delta, back, flags,
                            predicted, memory));
                }
            }
        }
        return step;
    }

    /** Work space of one run's decoding. */
    private record Work(float[] emit, float[] trans, float[] delta, int[] back, int[] flags, int[] predicted,
                        long[] memory) {
    }

    /** Decodes one run, learns from it, and remembers what it made of its words. */
    private static long learn(Token[] tokens, Map<Long, Integer> remembered, Map<Long, double[]> weights, long step,
                              Work work) {
        int labels = NameLabels.COUNT;
        float[] emit = work.emit();
        float[] trans = work.trans();
        int[] flags = work.flags();
        int[] predicted = work.predicted();
        long[] memory = work.memory();
        for (int t = 0; t < tokens.length; t++) {
            flags[t] = tokens[t].flags();
            memory[t] = tokens[t].memory()[remembered.getOrDefault(tokens[t].word(), 0)];
            score(tokens[t].features(), 0, tokens[t].features().length, weights, emit, t * labels);
            double[] m = weights.get(memory[t]);
            if (m != null) {
                for (int l = 0; l < labels; l++) {
                    emit[t * labels + l] += (float) m[l];
                }
            }
            for (int p = 0; p < labels; p++) {
                score(tokens[t].history(), p * NameFeatures.HISTORY, NameFeatures.HISTORY, weights, trans,
                        (t * labels + p) * labels);
            }
        }
        BioDecoder.decode(tokens.length, emit, trans, flags, work.delta(), work.back(), predicted);
        update(tokens, predicted, memory, step, weights);
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t].capitalised()) {
                remembered.put(tokens[t].word(), 2 + NameLabels.type(predicted[t]));
            }
        }
        return step + 1;
    }

    private static void score(long[] features, int from, int count, Map<Long, double[]> weights, float[] into, int at) {
        Arrays.fill(into, at, at + NameLabels.COUNT, 0f);
        for (int f = from; f < from + count; f++) {
            double[] w = weights.get(features[f]);
            if (w != null) {
                for (int l = 0; l < NameLabels.COUNT; l++) {
                    into[at + l] += (float) w[l];
                }
            }
        }
    }

    /** Where the decoded path differs from the gold one: the gold features up, the decoded ones down. */
    private static void update(Token[] tokens, int[] predicted, long[] memory, long step,
                               Map<Long, double[]> weights) {
        for (int t = 0; t < tokens.length; t++) {
            Token token = tokens[t];
            int gold = token.gold();
            int guess = predicted[t];
            int goldBefore = t == 0 ? NameLabels.OUTSIDE : tokens[t - 1].gold();
            int guessBefore = t == 0 ? NameLabels.OUTSIDE : predicted[t - 1];
            if (gold != guess) {
                move(token.features(), 0, token.features().length, gold, guess, step, weights);
                move(memory, t, 1, gold, guess, step, weights);
            }
            if (gold != guess || goldBefore != guessBefore) {
                move(token.history(), goldBefore * NameFeatures.HISTORY, NameFeatures.HISTORY, gold, NameLabels.COUNT,
                        step, weights);
                move(token.history(), guessBefore * NameFeatures.HISTORY, NameFeatures.HISTORY, NameLabels.COUNT, guess,
                        step, weights);
            }
        }
    }

    /** Adds one to label {@code up} and takes one from label {@code down} (either may be none: COUNT). */
    private static void move(long[] features, int from, int count, int up, int down, long step,
                             Map<Long, double[]> weights) {
        for (int f = from; f < from + count; f++) {
            double[] w = weights.get(features[f]);
            if (w == null) {
                continue;
            }
            if (up < NameLabels.COUNT) {
                w[up] += 1;
                w[NameLabels.COUNT + up] += step;
            }
            if (down < NameLabels.COUNT) {
                w[down] -= 1;
                w[NameLabels.COUNT + down] -= step;
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
     * The runs of candidate tokens of every passage, with their features; {@code casing} counts, per word
     * hash, the times it is written in lowercase and capitalised away from a sentence start.
     */
    private static List<PassageRuns> runs(List<ConllCorpus.Passage> passages, KnownNames known,
                                          Map<Long, int[]> casing) {
        NewsAnalyzer analyzer = new NewsAnalyzer();
        Vocabulary stems = new Vocabulary();
        Vocabulary words = new Vocabulary();
        AnalyzedText reuse = new AnalyzedText();
        long[] features = new long[NameFeatures.MAX];
        List<PassageRuns> byPassage = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        DocumentWords documentWords = new DocumentWords();
        int[] tokenFlags = new int[256];
        for (ConllCorpus.Passage passage : passages) {
            AlignedPassage aligned = AlignedPassage.of(passage, analyzer, stems, words, reuse);
            AnalyzedText text = aligned.text;
            if (tokenFlags.length < text.size()) {
                tokenFlags = new int[text.size() * 2];
            }
            NameFinder.flags(text, tokenFlags);
            known.mark(text, tokenFlags);
            documentWords.read(text, tokenFlags);
            List<Run> runs = new ArrayList<>();
            int previous = NameLabels.OUTSIDE;
            for (int i = 0; i < text.size(); i++) {
                countCasing(text, i, casing);
                int flags = tokenFlags[i];
                if (flags == 0) {
                    if (!run.isEmpty()) {
                        runs.add(new Run(run.toArray(new Token[0])));
                        run.clear();
                    }
                    previous = NameLabels.OUTSIDE;
                    continue;
                }
                int n = NameFeatures.of(text, tokenFlags, documentWords, i, features);
                long[] history = new long[NameLabels.COUNT * NameFeatures.HISTORY];
                int context = NameFeatures.historyContext(text, i);
                for (int p = 0; p < NameLabels.COUNT; p++) {
                    NameFeatures.history(p, context, history, p * NameFeatures.HISTORY);
                }
                int gold = reachable(aligned.gold[i], previous, flags);
                long[] memory = new long[NameFeatures.REMEMBERED];
                for (int r = 0; r < memory.length; r++) {
                    memory[r] = NameFeatures.memory(text, i, r);
                }
                run.add(new Token(Arrays.copyOf(features, n), history, memory, text.wordHash(i),
                        text.is(i, AnalyzedText.CAPITALISED), flags, gold));
                previous = gold;
            }
            if (!run.isEmpty()) {
                runs.add(new Run(run.toArray(new Token[0])));
                run.clear();
            }
            byPassage.add(new PassageRuns(runs));
        }
        analyzer.close();
        return byPassage;
    }

    /**
     * The gold label as the decoder can give it: an inside label where no name may continue begins one,
     * and a name that may not begin here ("of" after an outside token) is outside.
     */
    private static int reachable(int gold, int previous, int flags) {
        if (BioDecoder.allowed(previous, gold, flags)) {
            return gold;
        }
        if (NameLabels.isInside(gold)) {
            int begin = NameLabels.begin(NameLabels.type(gold));
            if (BioDecoder.allowed(previous, begin, flags)) {
                return begin;
            }
        }
        return NameLabels.OUTSIDE;
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

    /**
     * {@code names-} and the first 12 hex digits of a SHA-256 of the settings, the gazetteer's names and every
     * token and tag.
     */
    private String version(List<ConllCorpus.Passage> passages, KnownNames known) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((settings + "|" + NameModelInfo.FEATURE_SCHEME).getBytes(StandardCharsets.UTF_8));
            known.digest(digest);
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
