package io.newswire.streams.tagging.keyphrases;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds {@link DocumentFrequencies} from the texts of a reference corpus, analysed exactly as the tagger
 * analyses articles, so that the stems counted are the stems the extractor looks up.
 */
public final class ReferenceCorpus implements AutoCloseable {

    /** Stems in fewer documents than this are left out: they score as never seen, and the file stays small. */
    public static final int MIN_DOCUMENTS = 2;

    private final NewsAnalyzer analyzer = new NewsAnalyzer();
    private final Vocabulary stems = new Vocabulary();
    private final Vocabulary words = new Vocabulary();
    private final AnalyzedText text = new AnalyzedText();
    private final DocumentFrequencies.Builder builder = new DocumentFrequencies.Builder();

    /** Counts one document (title, a blank line, body, as the tagger joins them). */
    public void add(String document) {
        text.analyze(analyzer, document, 0, stems, words);
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < text.size(); i++) {
            if (text.is(i, AnalyzedText.ALPHA) && !text.is(i, AnalyzedText.STOP)) {
                distinct.add(text.stem(i));
            }
        }
        builder.observe(distinct);
    }

    public DocumentFrequencies frequencies(String source) {
        return builder.build(MIN_DOCUMENTS, source);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
