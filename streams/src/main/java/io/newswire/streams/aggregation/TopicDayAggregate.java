package io.newswire.streams.aggregation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newswire.common.TopicDaySummary;
import io.newswire.common.TopicDaySummary.EntityCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running state of one (topic, day), kept in a state store. Every collection is bounded, so a busy
 * day cannot grow the store without limit: sources and entities are capped, titles are a sample (those of the
 * articles with the smallest ids, whatever the order they came in), and each
 * kept source and title is cut to a line's length (so no article can push the aggregate past its changelog's
 * record limit).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicDayAggregate(long articleCount, Set<String> sources, Map<String, Long> entityCounts,
                                List<String> sampleTitles, Instant firstSeen, Instant lastUpdated,
                                List<String> sampleArticleIds) {

    static final int MAX_SOURCES = 1_000;
    /**
     * Entity counters kept per (topic, day), for a top 10. Every update reads and writes the whole aggregate
     * (as JSON, in the Streams cache and the changelog), so its size is per-article cost: 200 counters made
     * the aggregation a third of the Streams thread in {@code newswire bench}; 50 is 5× the top 10 shown.
     */
    static final int MAX_ENTITIES = 50;
    static final int MAX_SAMPLE_TITLES = 5;
    /** A sample title is shown on one line of a page: the rest of a long one only weighs on the store. */
    static final int MAX_SAMPLE_TITLE_CHARS = 300;
    /** Sources are labels ({@code rss:<feed url>}); the cap bounds a thousand of them. */
    static final int MAX_SOURCE_CHARS = 300;
    static final int TOP_ENTITIES = 10;

    public static TopicDayAggregate empty() {
        return new TopicDayAggregate(0, Set.of(), Map.of(), List.of(), null, null, List.of());
    }

    /** A state stored before sample ids were kept: its titles sort after every id, until they are displaced. */
    public TopicDayAggregate {
        sampleTitles = sampleTitles == null ? List.of() : sampleTitles;
        if (sampleArticleIds == null || sampleArticleIds.size() != sampleTitles.size()) {
            List<String> ids = new ArrayList<>();
            for (String title : sampleTitles) {
                ids.add("\uffff" + title);
            }
            sampleArticleIds = ids;
        }
    }

    /**
     * This state with one more article. The new state shares the collections the article leaves as they are
     * (often the sources and the sample) with this one: neither is ever changed once made.
     */
    public TopicDayAggregate add(ArticleContribution article) {
        Set<String> newSources = sourcesWith(article.source());
        Map<String, Long> newEntities = entityCountsWith(article.entityIds());
        List<String> newTitles = sampleTitles;
        List<String> newIds = sampleArticleIds;
        int at = samplePosition(article);
        if (at >= 0) {
            newTitles = new ArrayList<>(sampleTitles);
            newIds = new ArrayList<>(sampleArticleIds);
            newIds.add(at, article.articleId() == null ? "" : article.articleId());
            newTitles.add(at, prefix(article.title(), MAX_SAMPLE_TITLE_CHARS));
            if (newIds.size() > MAX_SAMPLE_TITLES) {
                newIds.remove(MAX_SAMPLE_TITLES);
                newTitles.remove(MAX_SAMPLE_TITLES);
            }
        }
        Instant seen = article.ingestedAt();
        Instant first = firstSeen == null || (seen != null && seen.isBefore(firstSeen)) ? seen : firstSeen;
        Instant last = lastUpdated == null || (seen != null && seen.isAfter(lastUpdated)) ? seen : lastUpdated;
        return new TopicDayAggregate(articleCount + 1, newSources, newEntities, newTitles, first, last, newIds);
    }

    private Set<String> sourcesWith(String source) {
        if (sources.size() >= MAX_SOURCES || source == null) {
            return sources;
        }
        String kept = prefix(source, MAX_SOURCE_CHARS);
        if (sources.contains(kept)) {
            return sources;
        }
        Set<String> newSources = new LinkedHashSet<>(sources);
        newSources.add(kept);
        return newSources;
    }

    private Map<String, Long> entityCountsWith(List<String> entityIds) {
        if (entityIds.isEmpty()) {
            return entityCounts;
        }
        Map<String, Long> newEntities = new LinkedHashMap<>(entityCounts);
        for (String entity : entityIds) {
            if (newEntities.containsKey(entity) || newEntities.size() < MAX_ENTITIES) {
                newEntities.merge(entity, 1L, Long::sum);
            }
        }
        return newEntities;
    }

    /**
     * Where the article's title goes in the sample, or -1 when it stays out. The sample is the titles of the
     * articles with the smallest ids, not the first to arrive: the same articles give the same sample in any
     * order, on a replay, a restart or another instance.
     */
    private int samplePosition(ArticleContribution article) {
        if (article.title() == null || article.title().isBlank()) {
            return -1;
        }
        String id = article.articleId() == null ? "" : article.articleId();
        int at = 0;
        while (at < sampleArticleIds.size() && sampleArticleIds.get(at).compareTo(id) < 0) {
            at++;
        }
        boolean known = at < sampleArticleIds.size() && sampleArticleIds.get(at).equals(id);
        return !known && at < MAX_SAMPLE_TITLES ? at : -1;
    }

    /** At most {@code maxChars} of {@code text}, never splitting a surrogate pair. */
    static String prefix(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + "…";
    }

    /** The full current value published on {@code news.topic-daily}. */
    public TopicDaySummary toSummary(String topic, String day) {
        return new TopicDaySummary(TopicDaySummary.SCHEMA_VERSION, topic, day, articleCount, sources.size(),
                topEntities(), sampleTitles, firstSeen, lastUpdated);
    }

    /** The most counted entities, ties by id: a selection in one pass (it runs at every publication). */
    private List<EntityCount> topEntities() {
        List<Map.Entry<String, Long>> top = new ArrayList<>(TOP_ENTITIES + 1);
        for (Map.Entry<String, Long> entity : entityCounts.entrySet()) {
            int at = top.size();
            while (at > 0 && ranksBefore(entity, top.get(at - 1))) {
                at--;
            }
            if (at < TOP_ENTITIES) {
                top.add(at, entity);
                if (top.size() > TOP_ENTITIES) {
                    top.remove(TOP_ENTITIES);
                }
            }
        }
        List<EntityCount> counts = new ArrayList<>(top.size());
        for (Map.Entry<String, Long> entity : top) {
            counts.add(new EntityCount(entity.getKey(), entity.getValue()));
        }
        return List.copyOf(counts);
    }

    private static boolean ranksBefore(Map.Entry<String, Long> entity, Map.Entry<String, Long> other) {
        int byCount = Long.compare(entity.getValue(), other.getValue());
        return byCount > 0 || (byCount == 0 && entity.getKey().compareTo(other.getKey()) < 0);
    }

}
