package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The bench tags as its options say: {@code --no-names} leaves the name model out of every phase. */
class BenchTopologyTest {

    private static final Instant DAY = Instant.parse("2026-12-01T09:30:00Z");
    /** A person and an organisation the gazetteer does not know: only the name model finds them. */
    private static final Article ARTICLE = Article.create("kcat", "https://example.org/rail",
            "Kenya signs rail deal with Ethiopian Railways Corporation",
            "Transport secretary Wanjiru Mwangi signed the agreement with the Ethiopian Railways Corporation on"
                    + " Tuesday. Mwangi said the line would open in 2029.", DAY, DAY, "en");

    @Test
    void shouldFindNamesOutsideTheGazetteerWithTheNameModel() {
        assertThat(entityIds(true)).contains("wanjiru-mwangi", "ethiopian-railways-corporation");
    }

    @Test
    void shouldLeaveTheNameModelOutWithNoNames() {
        assertThat(entityIds(false)).doesNotContain("wanjiru-mwangi", "ethiopian-railways-corporation");
    }

    private static List<String> entityIds(boolean names) {
        BenchSettings settings = new BenchSettings(1_000, 0, 100, Duration.ofSeconds(1), 1, 42, null, null, 9092,
                Path.of("target", "bench"), Path.of("seeds"), null, null, names, null);
        return Bench.topology(new Properties(), settings).tagger().tag(ARTICLE).entities().stream()
                .map(EntityMention::id).toList();
    }
}
