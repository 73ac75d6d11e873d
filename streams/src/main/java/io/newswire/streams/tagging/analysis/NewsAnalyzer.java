package io.newswire.streams.tagging.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The Lucene chain every text of the tagger goes through (articles, taxonomy phrases, gazetteer aliases):
 * Unicode word boundaries (UAX #29, so "Kim Jong-un" is three tokens and "11,000" one), accents folded
 * ("Erdoğan" = "Erdogan"), possessives stripped ("Korea's" = "Korea"). Case is kept here on purpose:
 * the entity matcher needs it ("US" the country, "us" the pronoun); {@link AnalyzedText} lowercases,
 * marks stop words and stems afterwards, once per token.
 */
public final class NewsAnalyzer extends Analyzer {

    /** Articles longer than this many characters per token are cut by the tokenizer; words never are. */
    private static final int MAX_TOKEN_LENGTH = 64;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(MAX_TOKEN_LENGTH);
        TokenStream stream = new ASCIIFoldingFilter(tokenizer);
        stream = new EnglishPossessiveFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
