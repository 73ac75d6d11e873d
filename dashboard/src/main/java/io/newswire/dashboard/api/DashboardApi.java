package io.newswire.dashboard.api;

import io.newswire.common.EntityMention;
import io.newswire.common.Quantity;
import io.newswire.common.TopicScore;
import io.newswire.dashboard.api.ApiViews.ArticleDetail;
import io.newswire.dashboard.api.ApiViews.ArticlePage;
import io.newswire.dashboard.api.ApiViews.ArticleSummary;
import io.newswire.dashboard.api.ApiViews.Claim;
import io.newswire.dashboard.api.ApiViews.DailySeries;
import io.newswire.dashboard.api.ApiViews.DayCount;
import io.newswire.dashboard.api.ApiViews.EntityCount;
import io.newswire.dashboard.api.ApiViews.EntityDetail;
import io.newswire.dashboard.api.ApiViews.Health;
import io.newswire.dashboard.api.ApiViews.PhraseCount;
import io.newswire.dashboard.api.ApiViews.Ranking;
import io.newswire.dashboard.api.ApiViews.SearchResults;
import io.newswire.dashboard.api.ApiViews.TopicDays;
import io.newswire.dashboard.api.ApiViews.TopicCount;
import io.newswire.dashboard.api.ApiViews.TopicDetail;
import io.newswire.dashboard.api.ApiViews.TopicSeries;
import io.newswire.dashboard.api.DashboardQueries.DayArticles;
import io.newswire.dashboard.api.DashboardQueries.DaySpan;
import io.newswire.dashboard.api.DashboardQueries.StoredArticle;
import io.newswire.dashboard.api.DashboardQueries.TopicDayRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What each view of the dashboard shows, computed from the sink's tables. */
public final class DashboardApi {

    /**
     * The longest range a chart draws: a bit over a year of days. A wider range asked for, or spanned by the
     * data, shows its latest {@value} days.
     */
    public static final int MAX_RANGE_DAYS = 400;
    /** How many of a topic's newest articles its page summarises (entities, keyphrases, claims). */
    private static final int TOPIC_ARTICLES = 500;
    private static final int TOPIC_LIST = 30;
    private static final int TOP_N = 15;
    /** How many of an entity's newest articles its page takes its topics from. */
    private static final int ENTITY_ARTICLES = 500;
    /** Words of a search that are used; more are ignored. */
    public static final int SEARCH_WORDS = 8;
    /** Search results counted; the page says "N or more" beyond. */
    public static final int SEARCH_CAP = 1000;

    private final DashboardQueries queries;
    private final Clock clock;

    public DashboardApi(DashboardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Topics ranked on {@code day}, or when null on today if anything arrived today, else on the latest
     * day with articles (replayed archives are rarely from today; the page says which day it ranks).
     */
    public Ranking ranking(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        Optional<DaySpan> span = daySpan();
        LocalDate reference = day;
        if (reference == null) {
            reference = span.flatMap(s -> parseDay(s.latest()))
                    .filter(latest -> !latest.isAfter(today)).orElse(today);
        }
        List<TopicDayRow> rows = readable(queries.topicDays(null,
                reference.minusDays(MAX_RANGE_DAYS - 1L).toString(), reference.toString()));
        return new Ranking(today.toString(), reference.toString(), span.map(DaySpan::first).orElse(null),
                span.map(DaySpan::latest).orElse(null), TopicRanker.rank(rows, reference));
    }

    /** Every topic's daily counts from {@code from} to {@code to}, defaulting to the span of the data. */
    public DailySeries dailySeries(LocalDate from, LocalDate to) {
        LocalDate[] range = range(from, to);
        List<String> days = days(range[0], range[1]);
        Map<String, Map<String, Long>> byTopic = new TreeMap<>();
        for (TopicDayRow row : readable(queries.topicDays(null, range[0].toString(), range[1].toString()))) {
            byTopic.computeIfAbsent(row.topic(), t -> new HashMap<>()).put(row.day(), row.articleCount());
        }
        List<TopicSeries> series = new ArrayList<>();
        byTopic.forEach((topic, counts) ->
                series.add(new TopicSeries(topic, days.stream().map(d -> counts.getOrDefault(d, 0L)).toList())));
        return new DailySeries(range[0].toString(), range[1].toString(), days, series);
    }

    /** One topic's daily counts, zero-filled, from {@code from} to {@code to} (default: the data's span). */
    public TopicDays topicDays(String topic, LocalDate from, LocalDate to) {
        LocalDate[] range = range(from, to);
        return new TopicDays(topic, range[0].toString(), range[1].toString(), filledDays(topic, range));
    }

    /** The newest articles, optionally of one topic and/or day, after skipping the {@code offset} newest. */
    public List<ArticleSummary> articles(String topic, LocalDate day, int offset, int limit) {
        return queries.latestArticles(topic, day == null ? null : day.toString(), offset, limit).stream()
                .map(DashboardApi::summary).toList();
    }

    /**
     * The rows of one page of an entity's articles: taken from its newest ones, already read for the page's topics,
     * when they hold the page (or all there are); read from the sink only for pages further back.
     */
    private List<StoredArticle> entityPageRows(String id, List<StoredArticle> newest, int offset, int count) {
        if (offset + count <= newest.size() || newest.size() < ENTITY_ARTICLES) {
            int from = Math.min(offset, newest.size());
            return newest.subList(from, Math.min(offset + count, newest.size()));
        }
        return queries.articlesWithEntity(id, offset, count);
    }

    /** The entity page, or empty when no article in the sink names the entity. */
    public Optional<EntityDetail> entity(String id, int offset, int limit) {
        // Only days that can be (1900 to tomorrow), as the other views: older sinks may hold others.
        String latestDay = latestDay();
        List<DayArticles> perDay = new ArrayList<>();
        for (DayArticles row : queries.entityDays(id)) {
            if (parseDay(row.day()).isPresent() && row.day().compareTo(DashboardQueries.EARLIEST_DAY) >= 0
                    && row.day().compareTo(latestDay) <= 0) {
                perDay.add(row);
            }
        }
        List<StoredArticle> newest = queries.articlesWithEntity(id, 0, ENTITY_ARTICLES);
        Optional<EntityMention> mention = newest.stream().flatMap(a -> a.entities().stream())
                .filter(e -> id.equals(e.id())).findFirst();
        if (perDay.isEmpty() || mention.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = LocalDate.parse(perDay.get(0).day());
        LocalDate latest = LocalDate.parse(perDay.get(perDay.size() - 1).day());
        if (first.plusDays(MAX_RANGE_DAYS - 1L).isBefore(latest)) {
            first = latest.minusDays(MAX_RANGE_DAYS - 1L);
        }
        Map<String, Long> byDay = new HashMap<>();
        perDay.forEach(row -> byDay.put(row.day(), row.articles()));
        List<DayCount> days = days(first, latest).stream()
                .map(d -> new DayCount(d, byDay.getOrDefault(d, 0L), 0)).toList();
        long total = perDay.stream().mapToLong(DayArticles::articles).sum();
        Map<String, Long> topics = new HashMap<>();
        newest.forEach(a -> a.topics().stream().map(TopicScore::id).distinct()
                .forEach(t -> topics.merge(t, 1L, Long::sum)));
        List<TopicCount> topTopics = topics.entrySet().stream().map(e -> new TopicCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(TopicCount::articles).reversed().thenComparing(TopicCount::id))
                .limit(TOP_N).toList();
        ArticlePage page = page(entityPageRows(id, newest, offset, limit + 1), offset, limit);
        return Optional.of(new EntityDetail(id, mention.get().name(), mention.get().type(), total,
                first.toString(), latest.toString(), days, topTopics, page));
    }

    /**
     * Articles whose title contains every word of {@code query} (split on white space; case-insensitive),
     * newest first. At most {@link #SEARCH_WORDS} words are used; {@link #SEARCH_CAP} results are counted.
     */
    public SearchResults search(String query, int offset, int limit) {
        List<String> words = Arrays.stream(query.strip().split("\\s+")).filter(w -> !w.isEmpty()).distinct()
                .limit(SEARCH_WORDS).toList();
        if (words.isEmpty()) {
            return new SearchResults(query, words, 0, SEARCH_CAP, new ArticlePage(offset, limit, false, List.of()));
        }
        long total = queries.countTitles(words, SEARCH_CAP);
        ArticlePage page = page(queries.searchTitles(words, offset, limit + 1), offset, limit);
        return new SearchResults(query, words, total, SEARCH_CAP, page);
    }

    private static ArticlePage page(List<StoredArticle> rows, int offset, int limit) {
        return new ArticlePage(offset, limit, rows.size() > limit,
                rows.stream().limit(limit).map(DashboardApi::summary).toList());
    }

    public Optional<ArticleDetail> article(String id) {
        return queries.article(id).map(a -> new ArticleDetail(summary(a), a.body(), a.keyphrases(), a.quantities()));
    }

    /** The topic page, or empty when the sink knows nothing of the topic. */
    public Optional<TopicDetail> topic(String id) {
        List<TopicDayRow> rows = readable(queries.topicDays(id, DashboardQueries.EARLIEST_DAY, latestDay()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        LocalDate latest = LocalDate.parse(rows.get(rows.size() - 1).day());
        LocalDate first = LocalDate.parse(rows.get(0).day());
        if (first.plusDays(MAX_RANGE_DAYS - 1L).isBefore(latest)) {
            first = latest.minusDays(MAX_RANGE_DAYS - 1L);
        }
        long total = rows.stream().mapToLong(TopicDayRow::articleCount).sum();
        List<StoredArticle> articles = queries.latestArticles(id, null, TOPIC_ARTICLES);
        List<Claim> claims = claims(articles);
        return Optional.of(new TopicDetail(id, total, first.toString(), latest.toString(),
                filledDays(id, new LocalDate[] {first, latest}), entities(articles), keyphrases(articles),
                articles.stream().limit(TOPIC_LIST).map(DashboardApi::summary).toList(),
                claims.stream().limit(TOP_N * 2L).toList(), ClaimConflicts.find(claims)));
    }

    public Health health() {
        return new Health("ok", queries.databaseKind(), queries.articleCount(), queries.topicDayCount(),
                daySpan().map(DaySpan::latest).orElse(null));
    }

    private List<DayCount> filledDays(String topic, LocalDate[] range) {
        Map<String, TopicDayRow> byDay = new HashMap<>();
        for (TopicDayRow row : readable(queries.topicDays(topic, range[0].toString(), range[1].toString()))) {
            byDay.put(row.day(), row);
        }
        return days(range[0], range[1]).stream().map(d -> {
            TopicDayRow row = byDay.get(d);
            return row == null ? new DayCount(d, 0, 0) : new DayCount(d, row.articleCount(), row.sourceCount());
        }).toList();
    }

    /** The asked range, else the span of the data, else today; at most {@link #MAX_RANGE_DAYS} days. */
    private LocalDate[] range(LocalDate from, LocalDate to) {
        Optional<DaySpan> span = daySpan();
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to != null ? to : span.flatMap(s -> parseDay(s.latest())).orElse(today);
        LocalDate start = from != null ? from : span.flatMap(s -> parseDay(s.first())).orElse(end);
        if (start.isAfter(end)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        if (start.plusDays(MAX_RANGE_DAYS - 1L).isBefore(end)) {
            start = end.minusDays(MAX_RANGE_DAYS - 1L);
        }
        return new LocalDate[] {start, end};
    }

    /** The span of the days that can be: none before 1900, none after tomorrow (clocks are not trusted). */
    private Optional<DaySpan> daySpan() {
        return queries.daySpan(latestDay());
    }

    private String latestDay() {
        return LocalDate.now(clock).plusDays(1).toString();
    }

    /** The rows whose day is a date: a row the sink should not hold is left out, not a 500. */
    private static List<TopicDayRow> readable(List<TopicDayRow> rows) {
        return rows.stream().filter(row -> parseDay(row.day()).isPresent()).toList();
    }

    private static Optional<LocalDate> parseDay(String day) {
        try {
            return day == null || day.length() != 10 ? Optional.empty() : Optional.of(LocalDate.parse(day));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> days(LocalDate from, LocalDate to) {
        List<String> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        return days;
    }

    private static ArticleSummary summary(StoredArticle a) {
        return new ArticleSummary(a.id(), a.title(), a.source(), a.url(), a.day(), a.daySource(), a.publishedAt(),
                a.ingestedAt(), a.topics().stream().map(TopicScore::id).toList(), a.entities(), a.duplicateOf());
    }

    private static List<EntityCount> entities(List<StoredArticle> articles) {
        Map<String, EntityMention> first = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (StoredArticle a : articles) {
            a.entities().stream().map(EntityMention::id).distinct().forEach(id -> counts.merge(id, 1L, Long::sum));
            a.entities().forEach(e -> first.putIfAbsent(e.id(), e));
        }
        return first.values().stream()
                .map(e -> new EntityCount(e.id(), e.name(), e.type(), counts.get(e.id())))
                .sorted(Comparator.comparingLong(EntityCount::articles).reversed().thenComparing(EntityCount::id))
                .limit(TOP_N).toList();
    }

    private static List<PhraseCount> keyphrases(List<StoredArticle> articles) {
        Map<String, Long> counts = new HashMap<>();
        for (StoredArticle a : articles) {
            a.keyphrases().stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct()
                    .forEach(p -> counts.merge(p, 1L, Long::sum));
        }
        return counts.entrySet().stream().map(e -> new PhraseCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(PhraseCount::articles).reversed().thenComparing(PhraseCount::phrase))
                .limit(TOP_N).toList();
    }

    private static List<Claim> claims(List<StoredArticle> articles) {
        List<Claim> claims = new ArrayList<>();
        for (StoredArticle a : articles) {
            for (Quantity q : a.quantities()) {
                claims.add(new Claim(q.value(), q.unit(), q.text(), a.id(), a.title(), a.source(), a.day(),
                        q.subject()));
            }
        }
        return claims;
    }
}
