package io.newswire.streams.tagging.analysis;

import java.util.Arrays;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * {@link NewsAnalyzer}'s tokens for a text in the Latin script, made in one pass over the text's chars without
 * Lucene's machinery (a reader, a JFlex scanner with its buffer refills, three token stream stages and their
 * attributes per token): the same terms at the same offsets, for the chars it knows — ASCII, the Latin-1 and
 * Latin Extended-A letters, and the punctuation news uses around words (no-break space, £, €, dashes, curly
 * quotes, bullets). A text with any other char, or with a run of word chars too long to be sure of the
 * tokenizer's length cap, is refused (before any token is handed over), and the caller runs the Lucene chain instead.
 *
 * <p>The rules are those of Lucene's {@code StandardTokenizer} (Unicode's word boundaries, UAX #29) on these
 * chars: letters, digits and {@code _} join; a {@code :} or {@code ·} joins two letters, a {@code ,} or
 * {@code ;} two digits, a {@code .}, {@code '}, {@code ‘} or {@code ’} two letters or two digits; a token
 * needs a letter or a digit. Then, as {@link ASCIIFoldingFilter} and {@code EnglishPossessiveFilter} do,
 * accents are folded and a final {@code 's} is cut off the term (not off the offsets). A test checks the
 * tokens against the Lucene chain on random strings of these chars and on real news.
 *
 * <p>Not thread-safe: one per thread (it reuses a buffer for the term it hands over).
 */
final class LatinTokenizer {

    /** Receives each token: its term in {@code chars[offset, offset + length)} (valid during the call), its offsets in the text. */
    interface TokenSink {
        void token(char[] chars, int offset, int length, int start, int end);
    }

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** {@code _}: joins whatever it touches. */
    private static final byte JOINER = 3;
    /** Between two letters. */
    private static final byte MID_LETTER = 4;
    /** Between two digits. */
    private static final byte MID_NUMBER = 5;
    /** Between two letters or two digits. */
    private static final byte MID_BOTH = 6;
    /** A char this tokenizer does not know: the text goes to Lucene. */
    private static final byte UNKNOWN = 7;

    /**
     * Longer runs of chars that are not separators are left to Lucene: its tokenizer cuts tokens at 64 chars
     * ({@link NewsAnalyzer}), which this one does not imitate. Words are far shorter.
     */
    static final int MAX_RUN = 40;

    private static final byte[] CLASSES = classes();

    /** The text's chars: scanning an array is cheaper than {@link String#charAt}. */
    private char[] chars = new char[0];
    private char[] folded = new char[MAX_RUN * 4];
    /** The tokens found, handed over once the whole text is known: start, and end ({@code ~end} when not ASCII). */
    private int[] starts = new int[512];
    private int[] ends = new int[512];
    /** What {@link #tokenEnd} found of its token: a letter or digit in it, only ASCII chars. */
    private boolean lastHasWordChar;
    private boolean lastAscii;

    private static byte[] classes() {
        byte[] c = new byte[0x180];
        Arrays.fill(c, UNKNOWN);
        for (int ch = 0; ch < 0x80; ch++) {
            c[ch] = OTHER;
        }
        for (int ch = 'a'; ch <= 'z'; ch++) {
            c[ch] = LETTER;
            c[ch - 'a' + 'A'] = LETTER;
        }
        for (int ch = '0'; ch <= '9'; ch++) {
            c[ch] = DIGIT;
        }
        c['_'] = JOINER;
        c[':'] = MID_LETTER;
        c[','] = MID_NUMBER;
        c[';'] = MID_NUMBER;
        c['.'] = MID_BOTH;
        c['\''] = MID_BOTH;
        // Latin-1: the letters (not × and ÷), the middle dot; the signs and punctuation news puts between words.
        for (int ch = 0xc0; ch <= 0xff; ch++) {
            c[ch] = LETTER;
        }
        c[0xd7] = OTHER;
        c[0xf7] = OTHER;
        c[0xaa] = LETTER;
        c[0xb5] = LETTER;
        c[0xba] = LETTER;
        c[0xb7] = MID_LETTER;
        for (char ch : new char[] {0xa0, 0xa1, 0xa2, 0xa3, 0xa5, 0xa7, 0xab, 0xb0, 0xb1, 0xbb, 0xbf}) {
            c[ch] = OTHER;
        }
        // Latin Extended-A: all letters.
        for (int ch = 0x100; ch < 0x180; ch++) {
            c[ch] = LETTER;
        }
        return c;
    }

    private static byte classOf(char ch) {
        if (ch < 0x180) {
            return CLASSES[ch];
        }
        switch (ch) {
            case '\u2013': case '\u2014': case '\u201c': case '\u201d': case '\u2022': case '\u2026': case '\u20ac':
            case '\u25cf':
                return OTHER;
            case '\u2018': case '\u2019':
                return MID_BOTH;
            default:
                return UNKNOWN;
        }
    }

    /**
     * Hands each token of {@code text} to {@code sink}, in order, and returns true; or returns false, having
     * handed none, when the text has a char this tokenizer does not know or too long a run of word chars.
     */
    boolean tokenize(String text, TokenSink sink) {
        char[] copy = text.toCharArray();
        return tokenize(copy, copy.length, sink);
    }

    /** The same for the text {@code chars[0, n)}, which must not change until this returns. */
    boolean tokenize(char[] chars, int n, TokenSink sink) {
        this.chars = chars;
        // One pass finds the tokens and checks the text; they are handed over only once all of it is known.
        int tokens = 0;
        int run = 0;
        int i = 0;
        while (i < n) {
            byte c = classOf(chars[i]);
            if (c != LETTER && c != DIGIT && c != JOINER) {
                if (c == UNKNOWN) {
                    return false;
                }
                run = c == OTHER ? 0 : run + 1;
                if (run > MAX_RUN) {
                    return false;
                }
                i++;
                continue;
            }
            int start = i;
            int j = tokenEnd(chars, start, n);
            // Every char of a token is a word char or joins them: the run of chars that are not separators grows by all.
            run += j - start;
            if (run > MAX_RUN) {
                return false;
            }
            if (lastHasWordChar) {
                if (tokens == starts.length) {
                    starts = Arrays.copyOf(starts, tokens * 2);
                    ends = Arrays.copyOf(ends, tokens * 2);
                }
                starts[tokens] = start;
                // The sign bit says the token has a char above ASCII, to fold.
                ends[tokens] = lastAscii ? j : ~j;
                tokens++;
            }
            i = j;
        }
        for (int t = 0; t < tokens; t++) {
            int end = ends[t];
            emit(starts[t], end >= 0 ? end : ~end, end >= 0, sink);
        }
        return true;
    }

    /**
     * Where the token starting at {@code start} (a letter, a digit or {@code _}) ends; sets {@link #lastHasWordChar}
     * and {@link #lastAscii}.
     */
    private int tokenEnd(char[] chars, int start, int n) {
        boolean wordChar = false;
        boolean ascii = true;
        byte previous = OTHER;
        int j = start;
        while (j < n) {
            char ch = chars[j];
            byte k = classOf(ch);
            if (k == LETTER || k == DIGIT) {
                wordChar = true;
            } else if (k != JOINER && !(j + 1 < n && joins(previous, k, classOf(chars[j + 1])))) {
                break;
            }
            ascii &= ch < 0x80;
            previous = k;
            j++;
        }
        lastHasWordChar = wordChar;
        lastAscii = ascii;
        return j;
    }

    /** Whether the mid char of class {@code mid} between chars of classes {@code before} and {@code after} joins them. */
    private static boolean joins(byte before, byte mid, byte after) {
        if (before == LETTER && after == LETTER) {
            return mid == MID_LETTER || mid == MID_BOTH;
        }
        if (before == DIGIT && after == DIGIT) {
            return mid == MID_NUMBER || mid == MID_BOTH;
        }
        return false;
    }

    private void emit(int start, int end, boolean ascii, TokenSink sink) {
        char[] term = chars;
        int offset = start;
        int length = end - start;
        if (!ascii) {
            length = ASCIIFoldingFilter.foldToASCII(chars, start, folded, 0, length);
            term = folded;
            offset = 0;
        }
        int last = offset + length - 1;
        if (length >= 2 && term[last - 1] == '\'' && (term[last] == 's' || term[last] == 'S')) {
            length -= 2;
        }
        sink.token(term, offset, length, start, end);
    }
}
