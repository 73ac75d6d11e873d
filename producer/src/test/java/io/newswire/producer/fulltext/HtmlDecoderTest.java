package io.newswire.producer.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pages decode as browsers decode them: BOM, then HTTP header, then the page's own declaration, then sniffing. */
class HtmlDecoderTest {

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    @Test
    void shouldSniffWindows1252WhenThePageIsNotUtf8AndDeclaresNothing() {
        HtmlDecoder.Decoded page = HtmlDecoder.decode(bytes("<p>Café – “quoted” €5</p>", "windows-1252"), null);

        assertThat(page.html()).isEqualTo("<p>Café – “quoted” €5</p>");
        assertThat(page.source()).isEqualTo("sniffed");
    }

    @Test
    void shouldSniffUtf8() {
        HtmlDecoder.Decoded page = HtmlDecoder.decode("<p>Grüße aus Köln</p>".getBytes(StandardCharsets.UTF_8), null);

        assertThat(page.html()).isEqualTo("<p>Grüße aus Köln</p>");
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadIso88591AsBrowsersDoThatIsAsWindows1252() {
        String html = "<meta charset=\"ISO-8859-1\"><p>Zürich – €</p>";

        HtmlDecoder.Decoded page = HtmlDecoder.decode(bytes(html, "windows-1252"), null);

        assertThat(page.html()).contains("Zürich – €");
        assertThat(page.charset().name()).isEqualTo("windows-1252");
    }

    @Test
    void shouldReadIso88592FromAnHttpEquivMeta() {
        String html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"><p>Łódź, Kraków</p>";

        assertThat(HtmlDecoder.decode(bytes(html, "ISO-8859-2"), null).html()).contains("Łódź, Kraków");
    }

    @Test
    void shouldReadShiftJisDeclaredInThePage() {
        String html = "<html><head><meta charset=\"Shift_JIS\"></head><body><p>東京都の天気は晴れです。</p></body></html>";

        HtmlDecoder.Decoded page = HtmlDecoder.decode(bytes(html, "Shift_JIS"), null);

        assertThat(page.html()).contains("東京都の天気は晴れです。");
        assertThat(page.source()).isEqualTo("meta");
    }

    @Test
    void shouldReadGbkFromTheHttpHeaderOverThePagesOwnDeclaration() {
        String html = "<meta charset=\"utf-8\"><p>北京今天天气很好。</p>";

        HtmlDecoder.Decoded page = HtmlDecoder.decode(bytes(html, "GBK"), "text/html; charset=GB2312");

        assertThat(page.html()).contains("北京今天天气很好。");
        assertThat(page.source()).isEqualTo("http");
    }

    @Test
    void shouldLetAByteOrderMarkWinOverEverything() {
        byte[] body = "<meta charset=\"windows-1252\"><p>naïve</p>".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        HtmlDecoder.Decoded page = HtmlDecoder.decode(withBom, "text/html; charset=iso-8859-1");

        assertThat(page.html()).isEqualTo("<meta charset=\"windows-1252\"><p>naïve</p>");
        assertThat(page.source()).isEqualTo("bom");
    }

    @Test
    void shouldTakeAPageCutInsideACharacterAsUtf8() {
        byte[] text = "<p>Grüße €".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(text, text.length - 1);

        assertThat(HtmlDecoder.decode(cut, null).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void shouldIgnoreAnUnknownLabel() {
        HtmlDecoder.Decoded page = HtmlDecoder.decode("<meta charset=\"x-no-such\"><p>ok</p>".getBytes(StandardCharsets.UTF_8),
                "text/html; charset=bogus");

        assertThat(page.html()).contains("<p>ok</p>");
        assertThat(page.source()).isEqualTo("sniffed");
    }
}
