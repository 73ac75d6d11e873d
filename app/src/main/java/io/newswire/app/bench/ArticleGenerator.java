package io.newswire.app.bench;

import io.newswire.common.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Makes bench articles deterministically (one seeded {@link Random}): bodies of 1–6 KB recombined from the
 * corpus sentences, with the duplicates a wire sees — exact re-sends of a recent article (same id) and near
 * duplicates (a recent story re-published elsewhere with one sentence changed: a new URL, so a new id).
 * Not thread-safe: one generator per sending thread.
 */
public final class ArticleGenerator {

    /** Share of sends that repeat a recent article as it was (a feed re-sending an item). */
    static final double EXACT_RESEND_SHARE = 0.05;
    /** Share of sends that are a recent story lightly edited, under another URL. */
    static final double NEAR_DUPLICATE_SHARE = 0.03;
    static final int MIN_BODY_BYTES = 1_000;
    static final int MAX_BODY_BYTES = 6_000;
    /** How far back duplicates reach: a ring of recent articles, so memory stays bounded at any N. */
    private static final int RECENT = 1_000;
    private static final int FEEDS = 20;
    private static final Instant FIRST_DAY = Instant.parse("2026-11-01T00:00:00Z");
    private static final int DAYS = 30;

    private final List<String> sentences;
    private final List<String> titles;
    private final Random random;
    private final Article[] recent = new Article[RECENT];
    private long generated;
    private long exactResends;
    private long nearDuplicates;

    public ArticleGenerator(BenchCorpus corpus, long seed) {
        this.sentences = corpus.sentences();
        this.titles = corpus.titles();
        this.random = new Random(seed);
    }

    /** The next article to send. */
    public Article next() {
        long n = generated++;
        double dice = random.nextDouble();
        Article article;
        if (n >= RECENT && dice < EXACT_RESEND_SHARE) {
            exactResends++;
            return recent[random.nextInt(RECENT)];
        } else if (n >= RECENT && dice < EXACT_RESEND_SHARE + NEAR_DUPLICATE_SHARE) {
            nearDuplicates++;
            article = nearDuplicate(recent[random.nextInt(RECENT)], n);
        } else {
            article = fresh(n);
        }
        recent[(int) (n % RECENT)] = article;
        return article;
    }

    private Article fresh(long n) {
        int target = MIN_BODY_BYTES + random.nextInt(MAX_BODY_BYTES - MIN_BODY_BYTES + 1);
        StringBuilder body = new StringBuilder(target + MAX_BODY_BYTES / 10);
        int inParagraph = 0;
        while (body.length() < target) {
            if (inParagraph == 4) {
                body.append("\n\n");
                inParagraph = 0;
            } else if (body.length() > 0) {
                body.append(' ');
            }
            body.append(sentences.get(random.nextInt(sentences.size())));
            inParagraph++;
        }
        if (body.length() > MAX_BODY_BYTES) {
            body.setLength(MAX_BODY_BYTES);
        }
        String title = titles.get(random.nextInt(titles.size()));
        Instant published = FIRST_DAY.plus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
        return Article.create("rss:https://feeds.bench.newswire.example/" + random.nextInt(FEEDS),
                url(n), title, body.toString(), published, published.plusSeconds(30 + random.nextInt(600)), "en");
    }

    private Article nearDuplicate(Article original, long n) {
        // The same story a little edited: one more sentence at the end (within the size cap), under another URL.
        String body = original.body() + " " + sentences.get(random.nextInt(sentences.size()));
        if (body.length() > MAX_BODY_BYTES) {
            body = body.substring(0, MAX_BODY_BYTES);
        }
        return Article.create(original.source(), url(n), original.title(), body, original.publishedAt(),
                original.ingestedAt().plusSeconds(60), original.language());
    }

    private static String url(long n) {
        return "https://www.bench.newswire.example/news/" + n;
    }

    public long generated() {
        return generated;
    }

    public long exactResends() {
        return exactResends;
    }

    public long nearDuplicates() {
        return nearDuplicates;
    }
}
