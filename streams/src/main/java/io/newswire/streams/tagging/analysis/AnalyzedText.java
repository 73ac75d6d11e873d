package io.newswire.streams.tagging.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * One article's tokens, analysed once and shared by every matcher: offsets into the text, the lowercased
 * form (for names), the Porter2 stem (for topic phrases), the shape (capitalised, all caps, number, stop
 * word) and the vocabulary ids of both forms.
 *
 * <p>Not thread-safe: each thread reuses one instance (the arrays grow to the longest article seen and are
 * never allocated again), which is what keeps the tagger fast.
 */
public final class AnalyzedText {

    public static final int CAPITALISED = 1;
    public static final int ALL_CAPS = 2;
    public static final int NUMBER = 4;
    public static final int STOP = 8;
    public static final int ALPHA = 16;

    /** Lucene's English stop words: words that never start, end or make a phrase. */
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** Stems of words seen before: news repeats its words, and the Snowball stemmer is the costliest step. */
    private static final int STEM_CACHE_SIZE = 50_000;

    private final EnglishStemmer stemmer = new EnglishStemmer();
    private final CharArrayMap<String> stemCache = new CharArrayMap<>(1024, false);
    private String text = "";
    private int size;
    private int titleEnd;
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int[] shape = new int[256];
    private int[] lowerOffset = new int[256];
    private int[] lowerLength = new int[256];
    private int[] stemOffset = new int[256];
    private int[] stemLength = new int[256];
    private int[] stemId = new int[256];
    private int[] wordId = new int[256];
    /** The stem as a String when it came from the cache (shared, so keyphrase counting allocates nothing). */
    private String[] stemString = new String[256];
    private char[] lowerChars = new char[2048];
    private char[] stemChars = new char[2048];
    private char[] scratch = new char[128];
    private int lowerUsed;
    private int stemUsed;

    /**
     * Analyses {@code text} (the title, a blank line, the body) and looks every token up in the vocabularies.
     *
     * @param titleLength characters of {@code text} that are the title (title tokens weigh more)
     */
    public void analyze(Analyzer analyzer, String text, int titleLength, Vocabulary stems, Vocabulary words) {
        this.text = text;
        this.titleEnd = titleLength;
        size = 0;
        lowerUsed = 0;
        stemUsed = 0;
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                add(term.buffer(), term.length(), offset.startOffset(), offset.endOffset(), stems, words);
            }
            stream.end();
        } catch (IOException e) {
            // A StringReader does not fail; this is here only because the API declares it.
            throw new UncheckedIOException(e);
        }
    }

    private void add(char[] term, int length, int from, int to, Vocabulary stems, Vocabulary words) {
        ensureTokenCapacity();
        int i = size++;
        start[i] = from;
        end[i] = to;
        int lowerAt = lowerUsed;
        lowerChars = ensure(lowerChars, lowerUsed + length);
        int upper = 0;
        int letters = 0;
        for (int k = 0; k < length; k++) {
            char c = term[k];
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
            lowerChars[lowerUsed++] = Character.toLowerCase(c);
        }
        lowerOffset[i] = lowerAt;
        lowerLength[i] = length;
        int flags = 0;
        if (length > 0 && Character.isUpperCase(term[0])) {
            flags |= CAPITALISED;
        }
        if (letters > 0 && upper == letters) {
            flags |= ALL_CAPS;
        }
        if (length > 0 && Character.isDigit(term[0])) {
            flags |= NUMBER;
        }
        if (letters == length) {
            flags |= ALPHA;
        }
        if (STOP_WORDS.contains(lowerChars, lowerAt, length)) {
            flags |= STOP;
        }
        shape[i] = flags;
        wordId[i] = words.id(lowerChars, lowerAt, length);
        stem(i, lowerAt, length, (flags & ALPHA) != 0);
        stemId[i] = stems.id(stemChars, stemOffset[i], stemLength[i]);
    }

    private void stem(int i, int lowerAt, int length, boolean alphabetic) {
        if (alphabetic && length > 2) {
            String cached = stemCache.get(lowerChars, lowerAt, length);
            if (cached == null) {
                cached = snowballStem(lowerAt, length);
            }
            stemChars = ensure(stemChars, stemUsed + cached.length());
            cached.getChars(0, cached.length(), stemChars, stemUsed);
            stemString[i] = cached;
            stemOffset[i] = stemUsed;
            stemLength[i] = cached.length();
            stemUsed += cached.length();
            return;
        }
        stemChars = ensure(stemChars, stemUsed + length);
        System.arraycopy(lowerChars, lowerAt, stemChars, stemUsed, length);
        stemString[i] = null;
        stemOffset[i] = stemUsed;
        stemLength[i] = length;
        stemUsed += length;
    }

    private String snowballStem(int lowerAt, int length) {
        if (scratch.length < length) {
            scratch = new char[length * 2];
        }
        System.arraycopy(lowerChars, lowerAt, scratch, 0, length);
        stemmer.setCurrent(scratch, length);
        stemmer.stem();
        String stem = new String(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
        scratch = stemmer.getCurrentBuffer();
        if (stemCache.size() >= STEM_CACHE_SIZE) {
            // Bounded: a flood of new words (names, typos) empties the cache instead of growing it.
            stemCache.clear();
        }
        stemCache.put(Arrays.copyOfRange(lowerChars, lowerAt, lowerAt + length), stem);
        return stem;
    }

    private void ensureTokenCapacity() {
        if (size < start.length) {
            return;
        }
        int capacity = start.length * 2;
        start = Arrays.copyOf(start, capacity);
        end = Arrays.copyOf(end, capacity);
        shape = Arrays.copyOf(shape, capacity);
        lowerOffset = Arrays.copyOf(lowerOffset, capacity);
        lowerLength = Arrays.copyOf(lowerLength, capacity);
        stemOffset = Arrays.copyOf(stemOffset, capacity);
        stemLength = Arrays.copyOf(stemLength, capacity);
        stemId = Arrays.copyOf(stemId, capacity);
        wordId = Arrays.copyOf(wordId, capacity);
        stemString = Arrays.copyOf(stemString, capacity);
    }

    private static char[] ensure(char[] chars, int needed) {
        return needed <= chars.length ? chars : Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    public boolean inTitle(int i) {
        return start[i] < titleEnd;
    }

    public boolean is(int i, int flag) {
        return (shape[i] & flag) != 0;
    }

    /** Id of the lowercased token in the word vocabulary (names, cue words), or {@link Vocabulary#UNKNOWN}. */
    public int wordId(int i) {
        return wordId[i];
    }

    /** Id of the stem in the stem vocabulary (taxonomy phrases), or {@link Vocabulary#UNKNOWN}. */
    public int stemId(int i) {
        return stemId[i];
    }

    public String lower(int i) {
        return new String(lowerChars, lowerOffset[i], lowerLength[i]);
    }

    public String stem(int i) {
        return stemString[i] != null ? stemString[i] : new String(stemChars, stemOffset[i], stemLength[i]);
    }

    /** True when the lowercased token is in {@code words}, without making a String. */
    public boolean lowerIn(CharArraySet words, int i) {
        return words.contains(lowerChars, lowerOffset[i], lowerLength[i]);
    }

    /** True when only spaces (no punctuation, no line break) separate token {@code i} from the next. */
    public boolean joinedToNext(int i) {
        if (i + 1 >= size) {
            return false;
        }
        for (int k = end[i]; k < start[i + 1]; k++) {
            char c = text.charAt(k);
            if (c != ' ' && c != '\u00a0' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The characters between token {@code i} and the next (or the end of the text). */
    public String gapAfter(int i) {
        return text.substring(end[i], i + 1 < size ? start[i + 1] : text.length());
    }

    /** The characters between the previous token (or the start of the text) and token {@code i}. */
    public String gapBefore(int i) {
        return text.substring(i > 0 ? end[i - 1] : 0, start[i]);
    }
}
