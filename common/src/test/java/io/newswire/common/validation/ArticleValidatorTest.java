package io.newswire.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final ArticleValidator validator = new ArticleValidator(100);

    @Test
    void shouldAcceptAnArticleWithATitleOnlyOrABodyOnly() {
        assertThat(validator.problem(article("a", "Title", null, "2024-10-15T00:00:00Z"), NOW)).isEmpty();
        assertThat(validator.problem(article("a", null, "Body", null), NOW)).isEmpty();
    }

    @Test
    void shouldGiveTheReasonOfEachProblem() {
        assertThat(reason(article("a", " ", null, null))).contains(RejectReason.MISSING_TEXT);
        assertThat(reason(article(null, "t", "b", null))).contains(RejectReason.MISSING_ID);
        assertThat(reason(article("a", "t", "é".repeat(51), null))).contains(RejectReason.TOO_LARGE); // 102 bytes
        assertThat(reason(article("a", "t", "é".repeat(50), null))).isEmpty(); // 100 bytes
        assertThat(reason(article("a", "t", "b", "1899-12-31T00:00:00Z"))).contains(RejectReason.BAD_DATE);
        assertThat(reason(article("a", "t", "b", "2026-11-25T00:00:00Z"))).contains(RejectReason.BAD_DATE);
        assertThat(reason(article("a", "t", "b", "2026-11-24T09:00:00Z"))).isEmpty(); // a day of clock skew
    }

    private Optional<RejectReason> reason(Article article) {
        return validator.problem(article, NOW).map(InvalidArticleException::reason);
    }

    private static Article article(String id, String title, String body, String published) {
        return new Article(1, id, "test", null, title, body, published == null ? null : Instant.parse(published),
                NOW, "en");
    }
}
