package io.newswire.streams.tagging.analysis;

/**
 * What one reader of the analysis works out about a word once, when the word first occurs on a thread, instead
 * of on every token: {@link AnalyzedText} keeps the result with the word in its per-thread cache, so the reader
 * finds it with the word, without a set or map look-up (and no String) per token.
 */
public interface WordAnnotator {

    /** Annotates nothing: every word's classes are 0 and its weight 0. */
    WordAnnotator NONE = new WordAnnotator() {
        @Override
        public int classes(char[] lower, int offset, int length) {
            return 0;
        }

        @Override
        public double weight(String stem) {
            return 0;
        }
    };

    /** Bits of the reader's own classes of the lowercased word {@code lower[offset, offset + length)}. */
    int classes(char[] lower, int offset, int length);

    /** A weight of the word's stem, such as its inverse document frequency. */
    double weight(String stem);
}
