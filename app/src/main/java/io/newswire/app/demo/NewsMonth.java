package io.newswire.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.app.bench.ArticleGenerator;
import io.newswire.app.bench.BenchCorpus;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.producer.seeds.SeedParser;
import io.newswire.producer.seeds.SeedReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A month of news for the demo, so that the overview's ranking, sparklines, seven-day averages and spike
 * badges have something to show on a first run: every day up to today gets a weekday-shaped volume of
 * articles, and a few stories burst over two or three days, the last one today.
 *
 * <p>The texts are the labelled BBC corpus (one JSON object per line, {@code {"category", "title", "body"}})
 * when its file is there, and the seeds recombined by the bench's {@link ArticleGenerator} (with its exact
 * re-sends and near duplicates, which the pipeline must not count twice). Without the corpus the seeds alone
 * make the month: each seed is a story of its own, retold in varied articles when it bursts. Deterministic
 * for a given day: a second run on the same day makes the same articles (same ids, nothing counted twice).
 */
public final class NewsMonth {

    /** Articles on an ordinary weekday; weekends have fewer. */
    private static final int WEEKDAY_VOLUME = 24;
    private static final double WEEKEND_SHARE = 0.55;
    /** Share of ordinary articles that are corpus articles as published (the rest recombined). */
    private static final double CORPUS_SHARE = 0.6;
    /** A burst day brings this many times the day's volume again, about one story; today's more. */
    private static final double BURST_FACTOR = 1.5;
    private static final double TODAY_BURST_FACTOR = 2.5;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’']?)\\s+");
    private static final String URL_BASE = "https://demo.newswire.example/";

    /** A text to make articles of, and the story (corpus category or seed) it belongs to. */
    private record Story(String group, String title, String body) {
    }

    private final BenchCorpus sentences;
    private final Map<String, List<Story>> corpusByCategory;
    private final List<Story> seeds;

    private NewsMonth(BenchCorpus sentences, Map<String, List<Story>> corpusByCategory, List<Story> seeds) {
        this.sentences = sentences;
        this.corpusByCategory = corpusByCategory;
        this.seeds = seeds;
    }

    /**
     * @param corpusFile the labelled corpus, or null; a missing file means the seeds alone
     * @throws IllegalArgumentException when there are no seeds and no corpus
     */
    public static NewsMonth load(Path seedDir, Path corpusFile) {
        Path corpus = corpusFile != null && Files.isRegularFile(corpusFile) ? corpusFile : null;
        List<Story> seeds = new ArrayList<>();
        if (Files.isDirectory(seedDir)) {
            for (Article seed : new SeedReader(new SeedParser(Clock.systemUTC())).read(seedDir)) {
                seeds.add(new Story("seed-" + seeds.size(), seed.title(), seed.body()));
            }
        }
        Map<String, List<Story>> byCategory = corpus == null ? Map.of() : readCorpus(corpus);
        if (seeds.isEmpty() && byCategory.isEmpty()) {
            throw new IllegalArgumentException("no seeds in " + seedDir + " and no corpus: nothing to make a month of");
        }
        return new NewsMonth(BenchCorpus.load(seedDir, corpus), byCategory, seeds);
    }

    /** True when the month is made of the corpus and the seeds, false for the seeds alone. */
    public boolean hasCorpus() {
        return !corpusByCategory.isEmpty();
    }

    /**
     * The articles of the {@code days} days up to {@code now}'s day, in the order they were published
     * (oldest first, so that no article looks late to the pipeline), none published after {@code now}.
     */
    public List<Article> generate(int days, Instant now) {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1, not " + days);
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        Random random = new Random(today.toEpochDay());
        ArticleGenerator generator = new ArticleGenerator(sentences, today.toEpochDay());
        Map<String, Deque<Story>> unused = shuffledCorpus(random);
        Map<LocalDate, String> bursts = bursts(first, today, random);
        Dated dated = new Dated(first, now, random);

        List<Article> articles = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            int volume = volume(day, random);
            for (int i = 0; i < volume; i++) {
                Story story = random.nextDouble() < CORPUS_SHARE ? nextOf(unused, randomCategory(random), random) : null;
                articles.add(story != null ? dated.article(day, story, "corpus")
                        : dated.recombined(day, generator.next()));
            }
            String burst = bursts.get(day);
            if (burst != null) {
                double factor = day.equals(today) ? TODAY_BURST_FACTOR : BURST_FACTOR * (0.8 + 0.4 * random.nextDouble());
                for (int i = 0; i < Math.round(volume * factor); i++) {
                    articles.add(dated.article(day, burstArticle(burst, unused, random), "burst"));
                }
            }
        }
        articles.sort(Comparator.comparing(Article::publishedAt));
        return articles;
    }

    /** One burst every ten days or so, two or three days long, in past days; and one that peaks today. */
    private Map<LocalDate, String> bursts(LocalDate first, LocalDate today, Random random) {
        List<String> groups = new ArrayList<>(hasCorpus() ? corpusByCategory.keySet()
                : seeds.stream().map(Story::group).toList());
        Collections.shuffle(groups, random);
        Map<LocalDate, String> bursts = new LinkedHashMap<>();
        int days = (int) (today.toEpochDay() - first.toEpochDay()) + 1;
        int past = Math.max(0, days / 10);
        for (int i = 0; i < past && days > 6; i++) {
            // Each in its own stretch of the month, clear of today's.
            int stretch = (days - 4) / past;
            LocalDate start = first.plusDays((long) i * stretch + random.nextInt(Math.max(1, stretch - 3)));
            int length = 2 + random.nextInt(2);
            for (int d = 0; d < length && start.plusDays(d).isBefore(today.minusDays(2)); d++) {
                bursts.put(start.plusDays(d), groups.get((i + 1) % groups.size()));
            }
        }
        bursts.put(today, groups.get(0));
        if (days > 1) {
            bursts.put(today.minusDays(1), groups.get(0));
        }
        return bursts;
    }

    private static int volume(LocalDate day, Random random) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        double base = WEEKDAY_VOLUME * (weekend ? WEEKEND_SHARE : 1.0);
        return (int) Math.round(base * (0.75 + 0.5 * random.nextDouble()));
    }

    /** An article of the bursting story: another corpus article of its category, or the seed retold. */
    private Story burstArticle(String group, Map<String, Deque<Story>> unused, Random random) {
        if (hasCorpus()) {
            Story next = nextOf(unused, group, random);
            if (next != null) {
                return next;
            }
        }
        Story seed = seeds.stream().filter(s -> s.group().equals(group)).findFirst().orElse(seeds.get(0));
        return retold(seed, random);
    }

    /**
     * The seed's story in other words: some of its sentences in another order, with a few of the other
     * seeds' (far enough apart, in SimHash, to count as a new article rather than a near duplicate).
     */
    private Story retold(Story seed, Random random) {
        List<String> own = new ArrayList<>(List.of(SENTENCE_END.split(seed.body().strip())));
        Collections.shuffle(own, random);
        List<String> picked = new ArrayList<>(own.subList(0, Math.min(own.size(), 4 + random.nextInt(5))));
        List<String> others = sentences.sentences();
        for (int i = 0; i < 2 + random.nextInt(3); i++) {
            picked.add(random.nextInt(picked.size() + 1), others.get(random.nextInt(others.size())));
        }
        return new Story(seed.group(), seed.title(), String.join(" ", picked));
    }

    private String randomCategory(Random random) {
        if (!hasCorpus()) {
            return null;
        }
        List<String> categories = new ArrayList<>(corpusByCategory.keySet());
        return categories.get(random.nextInt(categories.size()));
    }

    /** The next unused corpus article of {@code category}; when all are used, any of it again. */
    private Story nextOf(Map<String, Deque<Story>> unused, String category, Random random) {
        if (category == null || !corpusByCategory.containsKey(category)) {
            return null;
        }
        Deque<Story> left = unused.get(category);
        if (!left.isEmpty()) {
            return left.pop();
        }
        List<Story> all = corpusByCategory.get(category);
        return all.get(random.nextInt(all.size()));
    }

    private Map<String, Deque<Story>> shuffledCorpus(Random random) {
        Map<String, Deque<Story>> unused = new LinkedHashMap<>();
        corpusByCategory.forEach((category, stories) -> {
            List<Story> shuffled = new ArrayList<>(stories);
            Collections.shuffle(shuffled, random);
            unused.put(category, new ArrayDeque<>(shuffled));
        });
        return unused;
    }

    private static Map<String, List<Story>> readCorpus(Path file) {
        Map<String, List<Story>> byCategory = new LinkedHashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.mapper().readTree(line);
                String title = node.path("title").asText("");
                String body = node.path("body").asText("");
                if (!title.isBlank() && !body.isBlank()) {
                    String category = node.path("category").asText("news").toLowerCase(Locale.ROOT);
                    byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(new Story(category, title, body));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file + ": " + e.getMessage(), e);
        }
        return byCategory;
    }

    /** Puts articles on their day: a time of that day (not after now) and a URL of their own. */
    private static final class Dated {
        private final LocalDate first;
        private final Instant now;
        private final Random random;
        private long made;

        Dated(LocalDate first, Instant now, Random random) {
            this.first = first;
            this.now = now;
            this.random = random;
        }

        Article article(LocalDate day, Story story, String kind) {
            Instant published = timeOn(day);
            return Article.create("demo:" + story.group(), URL_BASE + first + "/" + kind + "/" + made++,
                    story.title(), story.body(), published, ingested(published), "en");
        }

        /**
         * A recombined article on {@code day}. A re-send keeps its URL (so its id), and the pipeline passes it
         * on without counting it again; its time is the day's, as a feed re-sending it today would have it.
         */
        Article recombined(LocalDate day, Article generated) {
            Instant published = timeOn(day);
            String url = URL_BASE + first + "/recombined/" + generated.url().substring(generated.url().lastIndexOf('/') + 1);
            return Article.create(generated.source(), url, generated.title(), generated.body(), published,
                    ingested(published), generated.language());
        }

        private Instant timeOn(LocalDate day) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            long seconds = Math.max(1, Math.min(Duration.ofDays(1).toSeconds(), Duration.between(start, now).toSeconds()));
            return start.plusSeconds((long) (random.nextDouble() * (seconds - 1)));
        }

        private Instant ingested(Instant published) {
            Instant ingested = published.plusSeconds(30 + random.nextInt(600));
            return ingested.isAfter(now) ? now : ingested;
        }
    }
}
