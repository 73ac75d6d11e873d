package io.newswire.jmh;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.common.Quantity;
import io.newswire.common.TaggedArticle;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.common.Topics;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON serdes of {@code news.articles.raw} and {@code news.articles.tagged}, on an article of the bench's
 * mean size (about 4 KB): every article is deserialised and serialised twice on its way through Streams and
 * once more in the sink consumer, so these bound what the pipeline can do per core.
 *
 * <p>Run: {@code mvn -B -P jmh -pl jmh-serdes -am package -DskipTests && java -jar jmh-serdes/target/benchmarks.jar}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SerdeBenchmark {

    private static final String SENTENCE = "Quarterly profits at the media group jumped 76% to $1.13bn (£600m) "
            + "for the three months to December, from $639m a year earlier, the firm said on Friday. ";

    private final Serializer<Article> articleWriter = Topics.ARTICLE_SERDE.serializer();
    private final Deserializer<Article> articleReader = Topics.ARTICLE_SERDE.deserializer();
    private final Serializer<TaggedArticle> taggedWriter = Topics.TAGGED_ARTICLE_SERDE.serializer();
    private final Deserializer<TaggedArticle> taggedReader = Topics.TAGGED_ARTICLE_SERDE.deserializer();

    private Article article;
    private TaggedArticle tagged;
    private byte[] articleJson;
    private byte[] taggedJson;

    @Setup
    public void setUp() {
        String body = SENTENCE.repeat(4_000 / SENTENCE.length());
        article = Article.create("rss:https://feeds.example.com/business", "https://www.example.com/news/1",
                "Ad sales boost Time Warner profit", body, Instant.parse("2026-11-20T08:15:00Z"),
                Instant.parse("2026-11-20T08:16:30Z"), "en");
        Tags tags = new Tags(
                List.of(new TopicScore("business", 7), new TopicScore("media", 3)),
                List.of(new EntityMention("time-warner", "Time Warner", "organization", 3),
                        new EntityMention("united-states", "US", "country", 1)),
                List.of("quarterly profits", "media group"),
                List.of(new Quantity(1.13e9, "usd", "$1.13bn")),
                null);
        tagged = TaggedArticle.of(article, "2026-11-20", "published", tags);
        articleJson = articleWriter.serialize("raw", article);
        taggedJson = taggedWriter.serialize("tagged", tagged);
    }

    @Benchmark
    public byte[] serializeArticle() {
        return articleWriter.serialize("raw", article);
    }

    @Benchmark
    public Article deserializeArticle() {
        return articleReader.deserialize("raw", articleJson);
    }

    @Benchmark
    public byte[] serializeTaggedArticle() {
        return taggedWriter.serialize("tagged", tagged);
    }

    @Benchmark
    public TaggedArticle deserializeTaggedArticle() {
        return taggedReader.deserialize("tagged", taggedJson);
    }
}
