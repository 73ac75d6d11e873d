package io.newswire.streams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.TopicScore;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The indexed matcher and the hand-written tokenizer give what the plain scan and regex split gave. */
class KeywordTaggerTest {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Test
    void shouldCountWholeWordPhrasesPerTopicAndApplyMinHits() throws Exception {
        JsonNode taxonomy = Json.mapper().readTree("""
                {"topics": [
                  {"id": "north-korea", "keywords": ["North Korea", "Pyongyang"], "minHits": 2},
                  {"id": "troops", "keywords": ["troops", "soldiers"], "minHits": 1},
                  {"id": "korea", "keywords": ["korea"], "minHits": 3}
                ]}""");
        KeywordTagger tagger = KeywordTagger.fromJson(taxonomy);
        Article article = Article.create("seed", null, "North Korea sends troops",
                "Pyongyang said... North-Korea's soldiers; north koreans are not North Korea.", null,
                Instant.parse("2026-11-23T10:00:00Z"), "en");

        assertThat(tagger.tag(article).topics()).extracting(TopicScore::id, TopicScore::score)
                .containsExactly(
                        tuple("north-korea", 4.0),
                        tuple("korea", 3.0),
                        tuple("troops", 2.0));
    }

    @Test
    void shouldTokenizeLikeTheRegexSplit() {
        for (String text : new String[] {"Kim Jong-un, 11,000 soldiers!", "  Ünïcödé — ½ and Ⅻ text.",
            "trailing space ", "", "...", "a"}) {
            String lower = text.toLowerCase(Locale.ROOT).strip();
            String[] expected = lower.isEmpty() ? new String[0] : NON_WORD.split(lower);
            if (expected.length > 0 && expected[0].isEmpty()) {
                // The regex split left a leading empty token, which never matched a keyword.
                expected = Arrays.copyOfRange(expected, 1, expected.length);
            }
            assertThat(KeywordTagger.tokens(text)).as(text).containsExactly(expected);
        }
    }
}
