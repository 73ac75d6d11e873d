package io.newswire.streams.tagging.desks;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.ArticleText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The words the desk classifier sees: the tagger's own analysis ({@link NewsAnalyzer} and
 * {@link AnalyzedText}: Unicode word boundaries, accents folded, possessives stripped, lowercased, English
 * stop words left out, Snowball stems), so that "Elections" and "election" are one feature and an article is
 * tokenised once for the taxonomy, the gazetteer and the desks together (see {@link DeskTagger}). Only the
 * title and the first {@link #MAX_CHARS} characters of the body are read: a news lead says which desk a story
 * belongs to, and a fixed cap keeps the cost per article flat however long the body is.
 *
 * <p>Thread-safe: each thread analyses into its own {@link AnalyzedText}.
 */
public final class DeskAnalyzer implements AutoCloseable {

    /** Characters of the body that are read; the rest of a long article does not change its desk. */
    public static final int MAX_CHARS = 3000;

    private final NewsAnalyzer analyzer = new NewsAnalyzer();
    /** Empty: the desks need stems, not the tagger's vocabulary ids. Shared, so each thread's word cache lasts. */
    private final Vocabulary noStems = new Vocabulary();
    private final Vocabulary noWords = new Vocabulary();
    private final ThreadLocal<AnalyzedText> texts = ThreadLocal.withInitial(AnalyzedText::new);

    /** The analysed terms of an article's title and the start of its body, in order. */
    public List<String> terms(String title, String body) {
        AnalyzedText text = analyze(title, body);
        int limit = readLimit(title, body);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < text.size() && read(text, i, limit); i++) {
            if (isTerm(text, i)) {
                terms.add(text.stem(i));
            }
        }
        return terms;
    }

    /** This thread's analysis of the article, as the tagger makes it (valid until the thread's next call). */
    AnalyzedText analyze(String title, String body) {
        AnalyzedText text = texts.get();
        text.analyzeArticle(analyzer, title, body, noStems, noWords);
        return text;
    }

    /**
     * Where, in the {@link ArticleText}, the desks stop reading: after the title and the first
     * {@link #MAX_CHARS} characters of the body, cut at the last space so that no half word becomes a feature.
     */
    public static int readLimit(String title, String body) {
        int bodyLength = body == null ? 0 : body.length();
        if (bodyLength > MAX_CHARS) {
            int end = body.lastIndexOf(' ', MAX_CHARS);
            bodyLength = end > 0 ? end : MAX_CHARS;
        }
        return ArticleText.bodyStart(title) + bodyLength;
    }

    /** Whether token {@code i} lies within what the desks read. Tokens are in order: false ends the article. */
    static boolean read(AnalyzedText text, int i, int limit) {
        return text.end(i) <= limit;
    }

    /** Whether token {@code i} is a term of the desks (stop words are not). */
    static boolean isTerm(AnalyzedText text, int i) {
        return !text.is(i, AnalyzedText.STOP);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
