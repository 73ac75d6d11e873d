package io.newswire.dashboard.api;

import io.newswire.common.EntityMention;
import io.newswire.common.Quantity;
import java.util.List;

/**
 * The JSON shapes of the dashboard's API, one record per thing a page shows. Field names are what the
 * browser reads; text fields hold untrusted article text and are rendered as text, never as HTML.
 */
public final class ApiViews {

    private ApiViews() {
    }

    /** One topic on one day. */
    public record DayCount(String day, long articleCount, long sourceCount) {
    }

    /**
     * A topic ranked on a reference day.
     *
     * @param trailingAverage articles per day over the seven days before {@code day}
     * @param change {@code count - trailingAverage}: how far the day stands out
     * @param sparkline the last {@link TopicRanker#SPARKLINE_DAYS} days up to the reference day, oldest first
     */
    public record RankedTopic(String id, long count, double trailingAverage, double change, long total,
                              List<Long> sparkline) {
    }

    /**
     * The overview's ranking.
     *
     * @param today the server's date (UTC)
     * @param day the reference day: today when there are articles today, else the latest day with articles
     * @param firstDay the earliest day in the sink, or null when it is empty
     */
    public record Ranking(String today, String day, String firstDay, String latestDay, List<RankedTopic> topics) {
    }

    /** Daily counts of every topic over a range, zero-filled, for the overview chart. */
    public record DailySeries(String from, String to, List<String> days, List<TopicSeries> series) {
    }

    public record TopicSeries(String topic, List<Long> counts) {
    }

    /** Daily counts of one topic over a range, zero-filled. */
    public record TopicDays(String topic, String from, String to, List<DayCount> days) {
    }

    /** An article as lists show it. */
    public record ArticleSummary(String id, String title, String source, String url, String day, String daySource,
                                 String publishedAt, String ingestedAt, List<String> topics,
                                 List<EntityMention> entities, String duplicateOf) {
    }

    /** An article as its own page shows it. */
    public record ArticleDetail(ArticleSummary article, String body, List<String> keyphrases,
                                List<Quantity> quantities) {
    }

    /**
     * A number one article claims; {@code subject} is what it counts, normalised by the tagger
     * ({@code north-korea troops}), or null for claims tagged before subjects existed.
     */
    public record Claim(double value, String unit, String text, String articleId, String title, String source,
                        String day, String subject) {
    }

    /**
     * Claims about the same thing whose numbers disagree (11,000 North Korean soldiers vs 12,000 DPRK troops):
     * {@code unit} is the heading the page shows (the subject when known), {@code subject} the key they share.
     */
    public record Conflict(String unit, String subject, List<Claim> claims) {
    }

    /** An entity and in how many of the topic's articles it is named. */
    public record EntityCount(String id, String name, String type, long articles) {
    }

    public record PhraseCount(String phrase, long articles) {
    }

    /** Everything the topic page shows. */
    public record TopicDetail(String id, long total, String firstDay, String latestDay, List<DayCount> days,
                              List<EntityCount> entities, List<PhraseCount> keyphrases,
                              List<ArticleSummary> articles, List<Claim> claims, List<Conflict> conflicts) {
    }

    /** One page of a longer list of articles, newest first; {@code more} says whether an older page exists. */
    public record ArticlePage(int offset, int limit, boolean more, List<ArticleSummary> articles) {
    }

    /** A topic and in how many of an entity's articles it is tagged. */
    public record TopicCount(String id, long articles) {
    }

    /**
     * Everything the entity page shows: its articles per day (zero-filled, {@code sourceCount} 0), the topics
     * of its newest articles, and one page of its articles.
     */
    public record EntityDetail(String id, String name, String type, long total, String firstDay, String latestDay,
                               List<DayCount> days, List<TopicCount> topics, ArticlePage page) {
    }

    /**
     * Titles that contain every word of {@code query}: {@code total} counts at most {@code cap} of them
     * ({@code total == cap} means "that many or more").
     */
    public record SearchResults(String query, List<String> words, long total, int cap, ArticlePage page) {
    }

    /** {@code /api/health}. */
    public record Health(String status, String sink, long articles, long topicDays, String latestDay) {
    }
}
