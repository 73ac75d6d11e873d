package io.newswire.producer.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedParserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Path SEEDS = Path.of("..", "seeds");

    private final SeedParser parser = new SeedParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private Article seed(String file) throws IOException {
        return parser.parse(Files.readString(SEEDS.resolve(file), StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheDateMarkerAndDropTheAgencyTagFromTheTitle() throws IOException {
        Article article = seed("000_e267ceac86dea71b.txt");

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-11-05T00:00:00Z"));
        assertThat(article.title()).startsWith("The Center for Strategic Communication")
                .doesNotContain("MENAFN").doesNotContain("date 2024");
        assertThat(article.body()).startsWith("MILITARY ALLIANCE BETWEEN RUSSIA AND NORTH KOREA")
                .contains("11,000 soldiers from North Korea in the Kursk region")
                .endsWith("Treaty on the Non-Proliferation of Nuclear Weapons");
    }

    @Test
    void shouldTakeTheTitleLineAfterTheMarker() throws IOException {
        Article article = seed("001_fee75afec79540a9.txt");

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-10-15T00:00:00Z"));
        assertThat(article.title()).isEqualTo("Ratification of the Partnership Agreement between Russia and North "
                + "Korea: the NSDC's Center for Political Studies explained what it means for Ukraine");
        assertThat(article.body()).startsWith("Russia ratifies a strategic partnership agreement with North Korea.");
    }

    @Test
    void shouldCutTheNavigationBlockOfAnUndatedSeed() throws IOException {
        Article article = seed("002_88c87702faa88119.txt");

        assertThat(article.publishedAt()).isNull();
        assertThat(article.title()).isEqualTo("A meeting between North Korea's dictator Kim Jong-un and the head of "
                + "the Russian Defense Ministry, Andriy Belousov, took place in North Korea.");
        assertThat(article.body())
                .contains("Points of attention")
                .endsWith("they have already participated in battles against the Defense Forces of Ukraine.")
                .doesNotContain("More on the topic")
                .doesNotContain("Category")
                .doesNotContain("Publication date")
                .doesNotContain("Додати до обраного");
        assertThat(article.body().lines()).noneMatch(line -> line.strip().equals("-"));
    }

    @Test
    void shouldKeepALeadParagraphWholeAndDropBareAdUrls() throws IOException {
        Article article = seed("003_4f83ae8c8527dc36.txt");

        assertThat(article.publishedAt()).isNull();
        assertThat(article.title()).isEqualTo("North Korea’s Foreign Minister, Choe Son-hui, has recently traveled "
                + "to Russia, arriving just as NATO confirms that North Korean troops have been deployed in support "
                + "of Russian forces in Ukraine.");
        assertThat(article.body()).startsWith(article.title() + " This diplomatic visit")
                .doesNotContain("http")
                .doesNotContain("cpmrevenuegate")
                .endsWith("the broader security landscape.");
    }

    @Test
    void shouldParseTheFifthSeed() throws IOException {
        Article article = seed("004_a2d48c66b2abdc43.txt");

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-10-26T00:00:00Z"));
        assertThat(article.title()).isEqualTo(
                "Russia is preparing the information basis for the deployment of DPRK troops - ISW");
        assertThat(article.body()).startsWith("Russia is conducting information operations")
                .endsWith("NATO member states confirmed on Wednesday evidence that North Korea has sent troops to Russia.");
    }

    @Test
    void shouldGiveEverySeedAStableIdAndTheIngestionTime() {
        List<Article> first = new SeedReader(parser).read(SEEDS);
        List<Article> again = new SeedReader(new SeedParser(Clock.systemUTC())).read(SEEDS);

        assertThat(first).hasSize(5);
        assertThat(first).allSatisfy(article -> {
            assertThat(article.source()).isEqualTo("seed");
            assertThat(article.ingestedAt()).isEqualTo(NOW);
            assertThat(article.title()).isNotBlank();
            assertThat(article.body()).isNotBlank();
        });
        assertThat(first).extracting(Article::id).doesNotHaveDuplicates()
                .containsExactlyElementsOf(again.stream().map(Article::id).toList());
    }

    @Test
    void shouldNeverDropAMessyArticle() {
        Article onlyJunk = parser.parse("\n\n- Category\nhttps://ads.example/x\n");
        Article impossibleDate = parser.parse(" date 2024-02-30 A headline\nSome text.");

        assertThat(onlyJunk.id()).isNotBlank();
        assertThat(impossibleDate.publishedAt()).isNull();
        assertThat(impossibleDate.title()).isEqualTo("A headline");
        assertThat(impossibleDate.body()).isEqualTo("Some text.");
    }
}
