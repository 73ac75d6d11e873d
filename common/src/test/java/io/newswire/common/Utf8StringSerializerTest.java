package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Long strings written as UTF-8 bytes give exactly the JSON Jackson's own String path gives. */
class Utf8StringSerializerTest {

    /** {@link Json#mapper()} without the UTF-8 strings: Jackson's own output, to compare with. */
    private static final ObjectMapper JACKSON = Json.withoutUtf8Strings().build();

    private static final String LONG = "Quarterly profits at the media group jumped 76% to $1.13bn (£600m), the firm said. ";

    @Test
    void shouldBeTheMappersStringSerializer() throws Exception {
        assertThat(Json.mapper().getSerializerProviderInstance().findValueSerializer(String.class))
                .isInstanceOf(Utf8StringSerializer.class);
    }

    @Test
    void shouldWriteTheSameBytesAsJacksonForHostileAndForeignText() throws Exception {
        List<String> bodies = List.of(
                LONG.repeat(50),
                "\"quoted\" \\ back\\slash \u0000 nul \u0001\u001f controls \n\r\t " + LONG,
                "<script>alert('x')</script> </script> & ' ; DROP TABLE articles; -- " + LONG,
                "Ελληνικά, русский, 中文, العربية, עברית, “curly” — dash … \u00a0 nbsp \u2028 \u2029 " + LONG,
                "emoji \ud83d\ude00 pair " + LONG,
                "\u007f del \u0080 c1 \u009f " + LONG,
                "x".repeat(Utf8StringSerializer.MIN_CHARS - 1) + "£",
                "é".repeat(Utf8StringSerializer.MIN_CHARS));
        for (String body : bodies) {
            Article article = Article.create("rss:https://feeds.example.com/a", "https://example.com/a?x=1&y=\"2\"",
                    body.substring(0, Math.min(body.length(), 90)), body, Instant.parse("2026-11-20T08:15:00Z"),
                    Instant.parse("2026-11-20T08:16:30Z"), "en");

            assertThat(Json.mapper().writeValueAsBytes(article)).as(body).isEqualTo(JACKSON.writeValueAsBytes(article));
            assertThat(Json.mapper().writeValueAsString(article)).isEqualTo(JACKSON.writeValueAsString(article));
            assertThat(Json.mapper().readValue(Json.mapper().writeValueAsBytes(article), Article.class)).isEqualTo(article);
        }
    }

    @Test
    void shouldWriteTheSameBytesAsJacksonForRandomText() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(300);
            for (int c = 0; c < length; c++) {
                // Mostly ASCII, some Latin-1, some of the rest of the BMP without surrogates.
                int kind = random.nextInt(10);
                text.append((char) (kind < 6 ? random.nextInt(0x80) : kind < 8 ? random.nextInt(0x100)
                        : 0x100 + random.nextInt(0xd800 - 0x100)));
            }
            String value = text.toString();

            assertThat(Json.mapper().writeValueAsBytes(List.of(value))).isEqualTo(JACKSON.writeValueAsBytes(List.of(value)));
        }
    }

    @Test
    void shouldLeaveALoneSurrogateToJackson() throws Exception {
        String lone = LONG + "\ud800" + LONG;

        // getBytes would make it a '?': Jackson writes what it was.
        assertThat(Json.mapper().writeValueAsBytes(List.of(lone))).isEqualTo(JACKSON.writeValueAsBytes(List.of(lone)));
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsBytes(List.of(lone)), String[].class))
                .containsExactly(lone);
    }
}
