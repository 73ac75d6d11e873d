package io.newswire.streams.tagging.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Latin tokenizer against the Lucene chain it stands in for: the same terms at the same offsets, or a refusal. */
class LatinTokenizerTest {

    private final NewsAnalyzer lucene = new NewsAnalyzer();
    private final LatinTokenizer latin = new LatinTokenizer();

    private List<String> luceneTokens(String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = lucene.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
        }
        return tokens;
    }

    /** Its tokens, or null when it refuses the text. */
    private List<String> latinTokens(String text) {
        List<String> tokens = new ArrayList<>();
        boolean done = latin.tokenize(text, (chars, offset, length, start, end) ->
                tokens.add(new String(chars, offset, length) + "@" + start + "-" + end));
        assertThat(done || tokens.isEmpty()).as("no token handed over before a refusal").isTrue();
        return done ? tokens : null;
    }

    /** Whether it did the text, with the same tokens as Lucene; false when it refused it. */
    private boolean sameTokensOrRefused(String text) throws IOException {
        List<String> tokens = latinTokens(text);
        if (tokens != null) {
            assertThat(tokens).as("tokens of %s", text).isEqualTo(luceneTokens(text));
        }
        return tokens != null;
    }

    @Test
    void shouldCutWordsNumbersAndPossessivesAsLuceneDoes() throws IOException {
        String text = "Korea's Kim Jong-un can't pay $1.13bn (£600m) for 11,000 U.S. troops: a.b 1.a a:b 1:2 x_y _z_ __ "
                + "rock 'n' roll, Erdoğan’s ‘quote’ 3G – don’t … Æther straße 1;2 a;b 9. Ünïcödé’S";
        assertThat(sameTokensOrRefused(text)).isTrue();
        assertThat(latinTokens("Korea's")).containsExactly("Korea@0-7");
    }

    @Test
    void shouldAgreeWithLuceneOnRandomTextsOfTheCharsItKnows() throws IOException {
        // Dense in the chars whose rules differ: letters, digits and the joining punctuation next to each other.
        String alphabet = "aZq09_:;,.'\u2018\u2019 \n\t-\"()$%&/!?@#*+=<>[]{}|~^`\\\u00a0\u00a3\u20ac\u2013\u2014\u201c\u201d"
                + "\u2022\u2026\u25cf\u00b7\u00e9\u00c6\u00df\u00f8\u00d7\u00f7\u00aa\u00b5\u00ba\u0101\u0142\u0149\u0132sS";
        Random random = new Random(42);
        int compared = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (sameTokensOrRefused(text.toString())) {
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(19_000);
    }

    @Test
    void shouldAgreeWithLuceneOnEveryCharOfLatin1AndLatinExtendedAItKnows() throws IOException {
        for (char c = 0; c < 0x180; c++) {
            for (String template : List.of("ab%sc", "1%s2", "%s", "a%s", "%sb", "a%s's x%s%s1")) {
                String text = template.replace("%s", String.valueOf(c));
                sameTokensOrRefused(text);
            }
        }
    }

    @Test
    void shouldRefuseCharsItDoesNotKnowAndOverlongRuns() {
        assertThat(latinTokens("Beijing 北京")).isNull();
        assertThat(latinTokens("co\u00adoperate")).isNull();
        assertThat(latinTokens("x".repeat(LatinTokenizer.MAX_RUN + 1))).isNull();
        assertThat(latinTokens("x".repeat(LatinTokenizer.MAX_RUN) + " y")).hasSize(2);
    }

    @Test
    void shouldAgreeWithLuceneOnTheBbcCorpusAndTheSeeds() throws IOException {
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String candidate : List.of("../../shared/corpora/bbc-news.jsonl", "../shared/corpora/bbc-news.jsonl",
                "../eval/gold.jsonl", "eval/gold.jsonl")) {
            Path path = Path.of(candidate);
            if (!Files.isReadable(path)) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonNode article = json.readTree(line);
                    JsonNode body = article.has("article") ? article.get("article") : article;
                    texts.add(body.path("title").asText() + "\n\n" + body.path("body").asText());
                }
            }
        }
        Assumptions.assumeTrue(!texts.isEmpty(), "skipped: neither ../shared/corpora/bbc-news.jsonl nor eval/gold.jsonl");
        int handled = 0;
        for (String text : texts) {
            if (sameTokensOrRefused(text)) {
                handled++;
            }
        }
        assertThat(handled).isGreaterThan(texts.size() * 9 / 10);
    }
}
