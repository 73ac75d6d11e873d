package io.newswire.streams.tagging.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
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

    /** Distinct lowercased words remembered per thread; a flood of new words empties the cache, never grows it. */
    private static final int WORD_CACHE_SIZE = 50_000;

    /*
     * What is known about one lowercased word, worked out once per thread, is kept in flat primitive arrays
     * indexed by the word's dense id in the word cache: FACTS longs per word side by side (one or two cache
     * lines, no object to dereference), in this order.
     */
    private static final int FACTS = 8;
    /** {@link #hash} of the word. */
    private static final int F_HASH = 0;
    /** {@link #hash} of its last three chars. */
    private static final int F_SUFFIX = 1;
    /** {@link #hash} of its first three chars, salted. */
    private static final int F_PREFIX = 2;
    /** {@link #hash} of its last five chars, salted. */
    private static final int F_LONG_SUFFIX = 3;
    /** {@link TermHash} of its stem. */
    private static final int F_STEM_HASH = 4;
    /** The stem's vocabulary id (high half) and the word's (low half). */
    private static final int F_IDS = 5;
    /** The annotator's classes (high half) and {@link #STOP} or 0 (low half). */
    private static final int F_CLASSES = 6;
    /** The annotator's weight, as {@link Double#doubleToRawLongBits}. */
    private static final int F_WEIGHT = 7;

    /** Each char below 256 as a String, for {@link #gap}. */
    private static final String[] ONE_CHAR = new String[256];

    static {
        for (char c = 0; c < ONE_CHAR.length; c++) {
            ONE_CHAR[c] = String.valueOf(c);
        }
    }

    private final EnglishStemmer stemmer = new EnglishStemmer();
    private final LatinTokenizer latin = new LatinTokenizer();
    private final WordAnnotator annotator;
    /**
     * News repeats its words: one hash look-up per token replaces the stop-word check, two vocabulary look-ups
     * and the Snowball stemmer (the costliest step).
     */
    /** Small at first: the tagger's set-up analyses each of thousands of names and phrases in a fresh instance. */
    private final WordTable wordCache = new WordTable(64, WORD_CACHE_SIZE);
    /** Word id → its facts, {@link #FACTS} longs from {@code id * FACTS}. */
    private long[] facts = new long[64 * FACTS];
    /** Word id → its stem. */
    private String[] stems = new String[64];
    /** Changes whenever word ids are given anew (the cache emptied), so readers keeping data by id know. */
    private int generation;
    private Vocabulary cachedStems;
    private Vocabulary cachedWords;
    /** The text: its chars, and the String made of them when a reader first asks ({@link #text}). */
    private char[] textChars = new char[4096];
    private int textLength;
    private String text = "";
    private int size;
    private int titleEnd;
    private int[] start = new int[256];
    private int[] end = new int[256];
    private int[] shape = new int[256];
    private int[] lowerOffset = new int[256];
    private int[] lowerLength = new int[256];
    /** Token → the word id of its lowercased form. */
    private int[] tokenWord = new int[256];
    /** Token → the word table's hash of its lowercased form. */
    private long[] lowerHash = new long[256];
    private char[] lowerChars = new char[2048];
    private char[] scratch = new char[128];
    private int lowerUsed;

    /** An analysis whose words carry no reader's annotation. */
    public AnalyzedText() {
        this(WordAnnotator.NONE);
    }

    /** An analysis whose words carry {@code annotator}'s classes and weight ({@link #wordClasses}, {@link #wordWeight}). */
    public AnalyzedText(WordAnnotator annotator) {
        this.annotator = annotator;
    }

    /**
     * Analyses {@code text} (the title, a blank line, the body) and looks every token up in the vocabularies.
     *
     * @param titleLength characters of {@code text} that are the title (title tokens weigh more)
     */
    public void analyze(Analyzer analyzer, String text, int titleLength, Vocabulary stems, Vocabulary words) {
        int n = text.length();
        textChars = ensure(textChars, n);
        text.getChars(0, n, textChars, 0);
        analyze(analyzer, text, n, titleLength, stems, words);
    }

    /**
     * Analyses an article's {@link ArticleText} (title, blank line, body) straight from its title and body, without
     * concatenating them: the String of the text is made only if a reader asks for it ({@link #text}).
     */
    public void analyzeArticle(Analyzer analyzer, String title, String body, Vocabulary stems, Vocabulary words) {
        int n = ArticleText.length(title, body);
        textChars = ensure(textChars, n);
        ArticleText.copy(title, body, textChars);
        analyze(analyzer, null, n, ArticleText.titleLength(title), stems, words);
    }

    private void analyze(Analyzer analyzer, String string, int length, int titleLength, Vocabulary stems, Vocabulary words) {
        this.text = string;
        this.textLength = length;
        this.titleEnd = titleLength;
        size = 0;
        lowerUsed = 0;
        if (stems != cachedStems || words != cachedWords) {
            clearWords();
            cachedStems = stems;
            cachedWords = words;
        } else if (wordCache.full()) {
            // Only between articles: the ids of this article's tokens stay valid until the next one.
            clearWords();
        }
        // The same tokens without Lucene's per-token machinery: most news is in the chars it knows.
        if (analyzer instanceof NewsAnalyzer
                && latin.tokenize(textChars, length, this::add)) {
            lookUpWords(stems, words);
            return;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text())) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                add(term.buffer(), 0, term.length(), offset.startOffset(), offset.endOffset());
            }
            stream.end();
            lookUpWords(stems, words);
        } catch (IOException e) {
            // A StringReader does not fail; this is here only because the API declares it.
            throw new UncheckedIOException(e);
        }
    }

    /** Takes a token: its offsets, its lowercased chars, their hash and its shape; its word is looked up later. */
    private void add(char[] term, int termAt, int length, int from, int to) {
        ensureTokenCapacity();
        int i = size++;
        start[i] = from;
        end[i] = to;
        int lowerAt = lowerUsed;
        lowerChars = ensure(lowerChars, lowerUsed + length);
        int upper = 0;
        int letters = 0;
        long hash = TermHash.FNV_OFFSET;
        for (int k = termAt; k < termAt + length; k++) {
            char c = term[k];
            char lower;
            if (c < 0x80) {
                // ASCII, nearly every char of news: the same answers as Character's, without its table look-ups.
                boolean isUpper = c >= 'A' && c <= 'Z';
                if (isUpper || c >= 'a' && c <= 'z') {
                    letters++;
                    if (isUpper) {
                        upper++;
                    }
                }
                lower = isUpper ? (char) (c + ('a' - 'A')) : c;
            } else {
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                }
                lower = Character.toLowerCase(c);
            }
            lowerChars[lowerUsed++] = lower;
            hash = (hash ^ lower) * TermHash.FNV_PRIME;
        }
        hash = TermHash.mix(hash);
        lowerOffset[i] = lowerAt;
        lowerLength[i] = length;
        lowerHash[i] = hash;
        shape[i] = shape(term, termAt, length, letters, upper);
    }

    /**
     * Gives every token its word id and the word's classes, in loops over all tokens rather than token by token:
     * the word table and the facts are larger than the cache, and look-ups that do not wait on each other overlap
     * their misses. New words get their ids in the order of their first token, as one pass would give them.
     */
    private void lookUpWords(Vocabulary stems, Vocabulary words) {
        int n = size;
        for (int i = 0; i < n; i++) {
            tokenWord[i] = wordCache.get(lowerHash[i], lowerChars, lowerOffset[i], lowerLength[i]);
        }
        for (int i = 0; i < n; i++) {
            if (tokenWord[i] == WordTable.ABSENT) {
                // An earlier token of this text may have put the word already.
                int word = wordCache.get(lowerHash[i], lowerChars, lowerOffset[i], lowerLength[i]);
                tokenWord[i] = word != WordTable.ABSENT ? word
                        : newWord(lowerHash[i], lowerOffset[i], lowerLength[i], (shape[i] & ALPHA) != 0, stems, words);
            }
        }
        long[] facts = this.facts;
        for (int i = 0; i < n; i++) {
            shape[i] |= (int) facts[tokenWord[i] * FACTS + F_CLASSES];
        }
    }

    /** The token's {@link #CAPITALISED}, {@link #ALL_CAPS}, {@link #NUMBER} and {@link #ALPHA} flags. */
    private static int shape(char[] term, int termAt, int length, int letters, int upper) {
        int flags = 0;
        if (length > 0 && Character.isUpperCase(term[termAt])) {
            flags |= CAPITALISED;
        }
        if (letters > 0 && upper == letters) {
            flags |= ALL_CAPS;
        }
        if (length > 0 && Character.isDigit(term[termAt])) {
            flags |= NUMBER;
        }
        if (letters == length) {
            flags |= ALPHA;
        }
        return flags;
    }

    private void clearWords() {
        wordCache.clear();
        Arrays.fill(stems, null);
        generation++;
    }

    private int newWord(long hash, int lowerAt, int length, boolean alphabetic, Vocabulary stems, Vocabulary words) {
        String stem = alphabetic && length > 2 ? snowballStem(lowerAt, length) : new String(lowerChars, lowerAt, length);
        char[] stemChars = stem.toCharArray();
        int id = wordCache.put(hash, lowerChars, lowerAt, length);
        if (facts.length < (id + 1) * FACTS) {
            facts = Arrays.copyOf(facts, facts.length * 2);
            this.stems = Arrays.copyOf(this.stems, this.stems.length * 2);
        }
        int at = id * FACTS;
        facts[at + F_HASH] = hash(lowerChars, lowerAt, length);
        facts[at + F_SUFFIX] = hash(lowerChars, lowerAt + Math.max(0, length - 3), Math.min(3, length));
        facts[at + F_PREFIX] = hash(lowerChars, lowerAt, Math.min(3, length)) * 31 + 3;
        facts[at + F_LONG_SUFFIX] = hash(lowerChars, lowerAt + Math.max(0, length - 5), Math.min(5, length)) * 31 + 5;
        facts[at + F_STEM_HASH] = TermHash.of(stemChars, 0, stemChars.length);
        facts[at + F_IDS] = (long) stems.id(stemChars, 0, stemChars.length) << 32
                | (words.id(lowerChars, lowerAt, length) & 0xffffffffL);
        int stop = STOP_WORDS.contains(lowerChars, lowerAt, length) ? STOP : 0;
        facts[at + F_CLASSES] = (long) annotator.classes(lowerChars, lowerAt, length) << 32 | stop;
        facts[at + F_WEIGHT] = Double.doubleToRawLongBits(annotator.weight(stem));
        this.stems[id] = stem;
        return id;
    }

    /** 64-bit FNV-1a of the characters: stable across runs and machines (a model's features are made of it). */
    public static long hash(char[] chars, int from, int length) {
        long h = TermHash.FNV_OFFSET;
        for (int k = from; k < from + length; k++) {
            h = (h ^ chars[k]) * TermHash.FNV_PRIME;
        }
        return h;
    }

    private String snowballStem(int lowerAt, int length) {
        if (scratch.length < length) {
            scratch = new char[length * 2];
        }
        System.arraycopy(lowerChars, lowerAt, scratch, 0, length);
        stemmer.setCurrent(scratch, length);
        stemmer.stem();
        scratch = stemmer.getCurrentBuffer();
        return new String(scratch, 0, stemmer.getCurrentBufferLength());
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
        tokenWord = Arrays.copyOf(tokenWord, capacity);
        lowerHash = Arrays.copyOf(lowerHash, capacity);
    }

    private static char[] ensure(char[] chars, int needed) {
        return needed <= chars.length ? chars : Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
    }

    /** The analysed text, made into a String when first asked for ({@link #charAt} and {@link #substring} need none). */
    public String text() {
        if (text == null) {
            text = new String(textChars, 0, textLength);
        }
        return text;
    }

    /** How many chars the analysed text has. */
    public int length() {
        return textLength;
    }

    /** The char of the analysed text at {@code index} (below {@link #length}). */
    public char charAt(int index) {
        if (index >= textLength) {
            throw new StringIndexOutOfBoundsException(index);
        }
        return textChars[index];
    }

    /** {@code text().substring(from, to)}, without making {@link #text}. */
    public String substring(int from, int to) {
        if (from < 0 || to > textLength || from > to) {
            throw new StringIndexOutOfBoundsException("[" + from + ", " + to + ") of " + textLength);
        }
        return text != null ? text.substring(from, to) : new String(textChars, from, to - from);
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
        return (int) facts[tokenWord[i] * FACTS + F_IDS];
    }

    /** Id of the stem in the stem vocabulary (taxonomy phrases), or {@link Vocabulary#UNKNOWN}. */
    public int stemId(int i) {
        return (int) (facts[tokenWord[i] * FACTS + F_IDS] >> 32);
    }

    /** {@link #hash} of the lowercased token. */
    public long wordHash(int i) {
        return facts[tokenWord[i] * FACTS + F_HASH];
    }

    /** {@link #hash} of the last three characters of the lowercased token. */
    public long suffixHash(int i) {
        return facts[tokenWord[i] * FACTS + F_SUFFIX];
    }

    /** {@link #hash} of the first three characters of the lowercased token. */
    public long prefixHash(int i) {
        return facts[tokenWord[i] * FACTS + F_PREFIX];
    }

    /** {@link #hash} of the last five characters of the lowercased token. */
    public long longSuffixHash(int i) {
        return facts[tokenWord[i] * FACTS + F_LONG_SUFFIX];
    }

    /** The classes the {@link WordAnnotator} of this analysis gave the token's word. */
    public int wordClasses(int i) {
        return (int) (facts[tokenWord[i] * FACTS + F_CLASSES] >>> 32);
    }

    /** The weight the {@link WordAnnotator} of this analysis gave the token's stem. */
    public double wordWeight(int i) {
        return Double.longBitsToDouble(facts[tokenWord[i] * FACTS + F_WEIGHT]);
    }

    /**
     * The dense id of token {@code i}'s lowercased word in this analysis' word cache (0 to the number of distinct
     * words seen): a reader may keep its own facts about a word in an array indexed by it, valid while
     * {@link #wordGeneration} stays the same.
     */
    public int wordIndex(int i) {
        return tokenWord[i];
    }

    /** Changes whenever the word cache is emptied and word ids ({@link #wordIndex}) are given anew. */
    public int wordGeneration() {
        return generation;
    }

    /** True when the annotations of this analysis are {@code annotator}'s. */
    public boolean annotatedBy(WordAnnotator annotator) {
        return this.annotator == annotator;
    }

    /** The {@code k}-th char of the lowercased token {@code i} (below {@link #lowerLength}), without a String. */
    public char lowerChar(int i, int k) {
        return lowerChars[lowerOffset[i] + k];
    }

    /** How many chars the lowercased token {@code i} has. */
    public int lowerLength(int i) {
        return lowerLength[i];
    }

    public String lower(int i) {
        return new String(lowerChars, lowerOffset[i], lowerLength[i]);
    }

    public String stem(int i) {
        return stems[tokenWord[i]];
    }

    /** {@link TermHash} of the stem, computed once per distinct word. */
    public long stemHash(int i) {
        return facts[tokenWord[i] * FACTS + F_STEM_HASH];
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
            char c = textChars[k];
            if (c != ' ' && c != '\u00a0' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The characters between token {@code i} and the next (or the end of the text). */
    public String gapAfter(int i) {
        return gap(end[i], i + 1 < size ? start[i + 1] : textLength);
    }

    /** The characters between the previous token (or the start of the text) and token {@code i}. */
    public String gapBefore(int i) {
        return gap(i > 0 ? end[i - 1] : 0, start[i]);
    }

    /**
     * {@code text.substring(from, to)}, without a new String for the gaps most tokens have (one char, or a comma
     * or full stop and a space): the matchers ask for gaps on many tokens.
     */
    private String gap(int from, int to) {
        int length = to - from;
        if (length == 1) {
            char c = textChars[from];
            if (c < ONE_CHAR.length) {
                return ONE_CHAR[c];
            }
        } else if (length == 2 && textChars[from + 1] == ' ') {
            char c = textChars[from];
            if (c == ',') {
                return ", ";
            }
            if (c == '.') {
                return ". ";
            }
        }
        return substring(from, to);
    }
}
