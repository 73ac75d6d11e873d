package io.newswire.streams.tagging.desks;

import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.streams.tagging.LuceneTagger;
import io.newswire.streams.tagging.Tagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds learned desk topics ({@code desk-business}, {@code desk-sport}, …) to what another tagger found,
 * and stamps the tags with the desk model's version. The desks are ordinary topics downstream: the
 * aggregation, the sink and the dashboard count them like the taxonomy's.
 */
public final class DeskTagger implements Tagger {

    /** Topic ids of desks start with this, so they never collide with a taxonomy topic. */
    public static final String TOPIC_PREFIX = "desk-";
    /**
     * A desk is tagged when the model gives it at least this probability. Above one half, at most one desk
     * applies; an article the model is torn about (e.g. a story unlike any desk it learned) gets none.
     */
    public static final double DEFAULT_MIN_SCORE = 0.5;

    private final Tagger inner;
    private final DeskModel model;
    private final double minScore;
    private final String[] topicIds;

    public DeskTagger(Tagger inner, DeskModel model) {
        this(inner, model, DEFAULT_MIN_SCORE);
    }

    public DeskTagger(Tagger inner, DeskModel model, double minScore) {
        this.inner = inner;
        this.model = model;
        this.minScore = minScore;
        this.topicIds = model.categories().stream().map(DeskTagger::topicId).toArray(String[]::new);
    }

    /** {@code desk-} and the category as a lowercase slug: "Business" gives {@code desk-business}. */
    public static String topicId(String category) {
        String slug = category.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return TOPIC_PREFIX + slug;
    }

    public String modelVersion() {
        return model.info().version();
    }

    @Override
    public Tags tag(Article article) {
        Tags tags;
        double[] scores;
        if (inner instanceof LuceneTagger lucene) {
            // One analysis for both: the desk model reads the tokens the tagger has just made.
            double[][] read = new double[1][];
            tags = lucene.tag(article, text -> read[0] = model.scores(text,
                    DeskAnalyzer.readLimit(article.title(), article.body())));
            scores = read[0];
        } else {
            tags = inner.tag(article);
            scores = model.scores(article.title(), article.body());
        }
        List<TopicScore> topics = new ArrayList<>(tags.topics());
        for (int c = 0; c < scores.length; c++) {
            if (scores[c] >= minScore) {
                // Three decimals are all a reader needs, and they keep the JSON short.
                topics.add(new TopicScore(topicIds[c], Math.round(scores[c] * 1000) / 1000.0));
            }
        }
        return new Tags(topics, tags.entities(), tags.keyphrases(), tags.quantities(), modelVersion());
    }
}
