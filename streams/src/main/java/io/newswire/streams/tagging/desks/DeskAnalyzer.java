package io.newswire.streams.tagging.desks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words the desk classifier sees: Lucene's {@link EnglishAnalyzer} (standard tokenizer, lowercase,
 * English stop words, possessives, Porter stemming), the same kind of analysis as the taxonomy, so
 * "Elections" and "election" are one feature. Only the title and the first {@link #MAX_CHARS} characters
 * of the body are read: a news lead says which desk a story belongs to, and a fixed cap keeps tagging
 * cost per article flat however long the body is.
 *
 * <p>Thread-safe: Lucene's analyzer keeps one token stream per thread.
 */
public final class DeskAnalyzer implements AutoCloseable {

    /** Characters of the body that are analysed; the rest of a long article does not change its desk. */
    public static final int MAX_CHARS = 3000;

    private final Analyzer analyzer = new EnglishAnalyzer();

    /** The analysed terms of an article's title and the start of its body, in order. */
    public List<String> terms(String title, String body) {
        List<String> terms = new ArrayList<>();
        forEachTerm(title, body, (chars, length) -> terms.add(new String(chars, 0, length)));
        return terms;
    }

    /** Receives each term without allocating a String: the fast path of classification. */
    @FunctionalInterface
    public interface TermSink {
        void term(char[] buffer, int length);
    }

    /** Streams the terms of the title, then of the start of the body, to {@code sink}. */
    public void forEachTerm(String title, String body, TermSink sink) {
        analyse(title == null ? "" : title, sink);
        if (body != null) {
            analyse(body.length() > MAX_CHARS ? cutAtSpace(body) : body, sink);
        }
    }

    private void analyse(String text, TermSink sink) {
        if (text.isEmpty()) {
            return;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                sink.term(term.buffer(), term.length());
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String does no I/O; this cannot happen short of a bug in Lucene.
            throw new UncheckedIOException(e);
        }
    }

    /** The body up to {@link #MAX_CHARS}, cut at the last space so no half word becomes a feature. */
    private static String cutAtSpace(String body) {
        int end = body.lastIndexOf(' ', MAX_CHARS);
        return body.substring(0, end > 0 ? end : MAX_CHARS);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
