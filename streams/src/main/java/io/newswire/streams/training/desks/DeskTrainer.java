package io.newswire.streams.training.desks;

import io.newswire.streams.tagging.desks.DeskAnalyzer;
import io.newswire.streams.tagging.desks.DeskFeatures;
import io.newswire.streams.tagging.desks.DeskModel;
import io.newswire.streams.tagging.desks.DeskModelInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.CollectionObjectStream;

/**
 * Trains a {@link DeskModel} from labelled articles with OpenNLP's maximum entropy trainer. Deterministic:
 * the same articles and settings give the same weights and the same model version.
 *
 * <p>Not thread-safe: it caches each article's features, so that cross-validation analyses every
 * article once however many folds it trains.
 */
public final class DeskTrainer implements AutoCloseable {

    private final DeskTrainingSettings settings;
    private final Clock clock;
    private final DeskAnalyzer analyzer = new DeskAnalyzer();
    private final Map<LabelledArticle, String[]> features = new IdentityHashMap<>();

    public DeskTrainer(DeskTrainingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public DeskTrainingSettings settings() {
        return settings;
    }

    /** A model that has seen exactly these articles and no other. */
    public DeskModel train(List<LabelledArticle> articles) {
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no labelled articles to train on");
        }
        List<String> categories = new ArrayList<>(new TreeSet<>(articles.stream().map(LabelledArticle::category).toList()));
        if (categories.size() < 2) {
            throw new IllegalArgumentException("need at least two categories to train, found " + categories);
        }
        // A fixed shuffle: the trainer then sees the categories interleaved, the same way on every run.
        List<LabelledArticle> order = new ArrayList<>(articles);
        Collections.shuffle(order, new Random(settings.seed()));
        List<Event> events = new ArrayList<>(order.size());
        for (LabelledArticle article : order) {
            events.add(new Event(article.category(), featuresOf(article)));
        }
        AbstractModel maxent;
        try {
            EventTrainer trainer = TrainerFactory.getEventTrainer(settings.parameters(), new HashMap<>());
            maxent = (AbstractModel) trainer.train(new CollectionObjectStream<>(events));
        } catch (IOException e) {
            // The events are in memory; OpenNLP declares IOException for its file-based streams.
            throw new UncheckedIOException(e);
        }
        DeskModelInfo info = new DeskModelInfo(versionOf(articles), settings.canonical(), DeskModel.FEATURE_SCHEME,
                clock.instant(), articles.size(), categories);
        return new DeskModel(maxent, info, true);
    }

    private String[] featuresOf(LabelledArticle article) {
        return features.computeIfAbsent(article, a -> DeskFeatures.of(analyzer, a.title(), a.body()));
    }

    /** {@code desks-} and the first 12 hex digits of a SHA-256 of the settings and every training article. */
    String versionOf(List<LabelledArticle> articles) {
        MessageDigest digest = sha256();
        update(digest, settings.canonical());
        for (LabelledArticle article : articles) {
            update(digest, article.category());
            update(digest, article.title());
            update(digest, article.body());
        }
        return "desks-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0); // a separator, so "ab"+"c" and "a"+"bc" differ
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
