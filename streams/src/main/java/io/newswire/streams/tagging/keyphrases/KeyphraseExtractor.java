package io.newswire.streams.tagging.keyphrases;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.WordAnnotator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The phrases that best describe one article against a reference corpus, so that a story the taxonomy does
 * not know still shows up. Candidates are noun phrases of up to three content words: stop words,
 * punctuation, verbs and adverbs split them ({@link WordClasses}: "moscow sees" gives "moscow"), and a
 * phrase does not end on an adjective. A candidate scores the sum of the TF-IDF of its stems, with IDF from
 * fixed {@link DocumentFrequencies}: the same article always gets the same keyphrases, whatever came before.
 */
public final class KeyphraseExtractor implements WordAnnotator {

    private static final int MAX_WORDS = 3;
    /** Words that are frequent in news but never a subject; IDF learns the rest. */
    private static final CharArraySet FILLER = new CharArraySet(List.of("said", "says", "say", "also", "would", "could", "should",
            "may", "might", "must", "can", "one", "two", "three", "year", "years", "new", "mr", "mrs", "ms", "last",
            "first", "like", "just", "well", "many", "much", "more", "most", "other", "some", "all", "any", "has",
            "have", "had", "been", "being", "were", "which", "who", "whom", "what", "when", "where", "while", "its",
            "our", "we", "he", "she", "his", "her", "him", "you", "your", "i", "me", "my", "do", "does", "did", "so",
            "than", "very", "over", "after", "before", "about", "up", "out", "from", "only", "now", "even", "still",
            "according", "told", "week", "day", "time", "us", "per", "because", "including", "however", "another",
            "between", "against", "among", "during", "within", "without", "under", "through", "across", "towards",
            "toward", "upon", "amid", "since", "until", "whether", "both", "each", "these", "those", "them", "they"), false);

    /** {@link #classes} bits: a filler word, a word that breaks a noun phrase, a word that cannot end one. */
    static final int FILLER_WORD = 1;
    static final int BREAKING_WORD = 2;
    static final int MODIFIER_WORD = 4;

    /** {@code 1 + Math.log(n)} for small n. */
    private static final double[] LOG_TABLE = new double[64];

    static {
        for (int n = 0; n < LOG_TABLE.length; n++) {
            LOG_TABLE[n] = 1 + Math.log(n);
        }
    }

    private final DocumentFrequencies frequencies;
    private final CharArraySet breaking;
    private final CharArraySet modifiers;
    private final int limit;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public KeyphraseExtractor(DocumentFrequencies frequencies, WordClasses classes, int limit) {
        this.frequencies = frequencies;
        this.breaking = classes.breaking();
        this.modifiers = classes.modifiers();
        this.limit = limit;
    }

    /**
     * The word's {@link #FILLER_WORD}, {@link #BREAKING_WORD} and {@link #MODIFIER_WORD} bits. An analysis made
     * with this extractor as its {@link WordAnnotator} keeps them, and the stem's IDF, per distinct word: then
     * extracting looks up no set and hashes no String per token.
     */
    @Override
    public int classes(char[] lower, int offset, int length) {
        return (FILLER.contains(lower, offset, length) ? FILLER_WORD : 0)
                | (breaking.contains(lower, offset, length) ? BREAKING_WORD : 0)
                | (modifiers.contains(lower, offset, length) ? MODIFIER_WORD : 0);
    }

    /** The stem's IDF. */
    @Override
    public double weight(String stem) {
        return frequencies.idf(stem);
    }

    /**
     * The best candidates. Until the end a candidate is a range of tokens: stems are counted in a table keyed
     * by their hashes, each distinct phrase is scored once, and only the phrases kept are made into Strings.
     */
    public List<String> extract(AnalyzedText text) {
        Scratch s = scratch.get();
        s.start();
        boolean annotated = text.annotatedBy(this);
        int runStart = -1;
        int runLength = 0;
        for (int i = 0; i <= text.size(); i++) {
            boolean content = i < text.size() && isContent(text, i, annotated)
                    && (classesOf(text, i, annotated) & BREAKING_WORD) == 0;
            if (content) {
                s.count(text.stemHash(i));
                if (runStart < 0) {
                    runStart = i;
                    runLength = 0;
                }
                runLength++;
            }
            boolean runEnds = !content || !text.joinedToNext(i) || runLength == MAX_WORDS;
            if (runStart >= 0 && runEnds) {
                int last = content ? i : i - 1;
                // a noun phrase ends on its noun: "nuclear" alone or "north korean" is not one
                while (last >= runStart && (classesOf(text, last, annotated) & MODIFIER_WORD) != 0) {
                    last--;
                }
                if (last >= runStart) {
                    s.addCandidate(runStart, last);
                }
                runStart = -1;
            }
        }
        return best(text, s, annotated);
    }

    private List<String> best(AnalyzedText text, Scratch s, boolean annotated) {
        // The top few by a bounded insertion, not a sort of every candidate; ties go to the earlier text.
        int[] top = new int[limit + 1];
        int kept = 0;
        for (int c = 0; c < s.candidates; c++) {
            int from = s.from[c];
            int to = s.to[c];
            if (!s.firstOfItsPhrase(text, c)) {
                continue;
            }
            double score = 0;
            for (int k = from; k <= to; k++) {
                score += termFrequency(s.countOf(text.stemHash(k))) * idfOf(text, k, annotated);
            }
            s.score[c] = score;
            int at = kept;
            while (at > 0 && ranksBefore(text, s, c, top[at - 1])) {
                at--;
            }
            if (at < limit) {
                System.arraycopy(top, at, top, at + 1, kept - at);
                top[at] = c;
                kept = Math.min(kept + 1, limit);
            }
        }
        List<String> result = new ArrayList<>(kept);
        for (int k = 0; k < kept; k++) {
            result.add(phrase(text, s.from[top[k]], s.to[top[k]]));
        }
        return result;
    }

    /** {@code 1 + ln(count)}, from a table for the small counts nearly every stem has (the same doubles). */
    private static double termFrequency(int count) {
        return count < LOG_TABLE.length ? LOG_TABLE[count] : 1 + Math.log(count);
    }

    /** Whether candidate {@code a} ranks before {@code b}: a higher score, or the same and its phrase first. */
    private static boolean ranksBefore(AnalyzedText text, Scratch s, int a, int b) {
        int byScore = Double.compare(s.score[b], s.score[a]);
        if (byScore != 0) {
            return byScore < 0;
        }
        return comparePhrases(text, s.from[a], s.to[a], s.from[b], s.to[b]) < 0;
    }

    /**
     * {@link String#compareTo} of two phrases as {@link #phrase} writes them (the lowercased tokens joined by a
     * space), without writing them.
     */
    static int comparePhrases(AnalyzedText text, int aFrom, int aTo, int bFrom, int bTo) {
        int a = aFrom;
        int ak = 0;
        int b = bFrom;
        int bk = 0;
        while (true) {
            int ca = phraseChar(text, a, ak, aTo);
            int cb = phraseChar(text, b, bk, bTo);
            if (ca != cb || ca < 0) {
                return ca - cb;
            }
            if (ak < text.lowerLength(a)) {
                ak++;
            } else {
                a++;
                ak = 0;
            }
            if (bk < text.lowerLength(b)) {
                bk++;
            } else {
                b++;
                bk = 0;
            }
        }
    }

    /** Char {@code k} of token {@code i} in a phrase ending on token {@code to}: a space after each word but the last, then -1. */
    private static int phraseChar(AnalyzedText text, int i, int k, int to) {
        if (k < text.lowerLength(i)) {
            return text.lowerChar(i, k);
        }
        return i < to ? ' ' : -1;
    }

    /** Whether tokens {@code [aFrom, aTo]} and {@code [bFrom, bTo]} are the same lowercased words. */
    private static boolean samePhrase(AnalyzedText text, int aFrom, int aTo, int bFrom, int bTo) {
        if (aTo - aFrom != bTo - bFrom) {
            return false;
        }
        for (int k = 0; k <= aTo - aFrom; k++) {
            int a = aFrom + k;
            int b = bFrom + k;
            if (text.wordHash(a) != text.wordHash(b) || text.lowerLength(a) != text.lowerLength(b)) {
                return false;
            }
            for (int c = 0; c < text.lowerLength(a); c++) {
                if (text.lowerChar(a, c) != text.lowerChar(b, c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The words of a candidate, lowercased, possessives dropped ("south korea's" gives "south korea"). */
    private static String phrase(AnalyzedText text, int from, int to) {
        StringBuilder phrase = new StringBuilder(text.lower(from));
        for (int i = from + 1; i <= to; i++) {
            phrase.append(' ').append(text.lower(i));
        }
        return phrase.toString();
    }

    private boolean isContent(AnalyzedText text, int i, boolean annotated) {
        return text.is(i, AnalyzedText.ALPHA) && !text.is(i, AnalyzedText.STOP) && text.end(i) - text.start(i) > 2
                && (classesOf(text, i, annotated) & FILLER_WORD) == 0;
    }

    private int classesOf(AnalyzedText text, int i, boolean annotated) {
        if (annotated) {
            return text.wordClasses(i);
        }
        char[] lower = text.lower(i).toCharArray();
        return classes(lower, 0, lower.length);
    }

    private double idfOf(AnalyzedText text, int i, boolean annotated) {
        return annotated ? text.wordWeight(i) : frequencies.idf(text.stem(i));
    }

    /**
     * One thread's tables for one article at a time, reused: stem counts keyed by the stem's hash, the
     * candidates as token ranges, and the first candidate of each distinct phrase keyed by a hash of its words.
     * Entries carry the article's stamp instead of being cleared.
     */
    private static final class Scratch {
        private int article;
        private long[] stemKeys = new long[1024];
        private int[] stemCounts = new int[1024];
        private int[] stemStamps = new int[1024];
        private int stems;
        int[] from = new int[256];
        int[] to = new int[256];
        double[] score = new double[256];
        int candidates;
        private long[] phraseKeys = new long[1024];
        private int[] phraseFirst = new int[1024];
        private int[] phraseStamps = new int[1024];
        private int phrases;

        void start() {
            article++;
            if (article == Integer.MAX_VALUE) {
                Arrays.fill(stemStamps, 0);
                Arrays.fill(phraseStamps, 0);
                article = 1;
            }
            stems = 0;
            candidates = 0;
            phrases = 0;
        }

        void count(long stemHash) {
            if (stems * 2 >= stemKeys.length) {
                growStems();
            }
            int slot = slotOf(stemKeys, stemStamps, stemHash);
            if (stemStamps[slot] != article) {
                stemStamps[slot] = article;
                stemKeys[slot] = stemHash;
                stemCounts[slot] = 0;
                stems++;
            }
            stemCounts[slot]++;
        }

        int countOf(long stemHash) {
            return stemCounts[slotOf(stemKeys, stemStamps, stemHash)];
        }

        void addCandidate(int first, int last) {
            if (candidates == from.length) {
                from = Arrays.copyOf(from, candidates * 2);
                to = Arrays.copyOf(to, candidates * 2);
                score = Arrays.copyOf(score, candidates * 2);
            }
            from[candidates] = first;
            to[candidates] = last;
            candidates++;
        }

        /** True for the first candidate of its phrase; a repeat scores the same and is skipped. */
        boolean firstOfItsPhrase(AnalyzedText text, int c) {
            if (phrases * 2 >= phraseKeys.length) {
                growPhrases();
            }
            long key = 0;
            for (int k = from[c]; k <= to[c]; k++) {
                key = key * 0x9e3779b97f4a7c15L + text.wordHash(k);
            }
            int slot = (int) (key ^ (key >>> 32)) & (phraseKeys.length - 1);
            while (phraseStamps[slot] == article) {
                int other = phraseFirst[slot];
                if (phraseKeys[slot] == key && samePhrase(text, from[other], to[other], from[c], to[c])) {
                    return false;
                }
                slot = (slot + 1) & (phraseKeys.length - 1);
            }
            phraseStamps[slot] = article;
            phraseKeys[slot] = key;
            phraseFirst[slot] = c;
            phrases++;
            return true;
        }

        private int slotOf(long[] keys, int[] stamps, long hash) {
            int slot = (int) hash & (keys.length - 1);
            while (stamps[slot] == article && keys[slot] != hash) {
                slot = (slot + 1) & (keys.length - 1);
            }
            return slot;
        }

        private void growStems() {
            long[] oldKeys = stemKeys;
            int[] oldCounts = stemCounts;
            int[] oldStamps = stemStamps;
            stemKeys = new long[oldKeys.length * 2];
            stemCounts = new int[oldKeys.length * 2];
            stemStamps = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldStamps[i] == article) {
                    int slot = slotOf(stemKeys, stemStamps, oldKeys[i]);
                    stemKeys[slot] = oldKeys[i];
                    stemCounts[slot] = oldCounts[i];
                    stemStamps[slot] = article;
                }
            }
        }

        private void growPhrases() {
            long[] oldKeys = phraseKeys;
            int[] oldFirst = phraseFirst;
            int[] oldStamps = phraseStamps;
            phraseKeys = new long[oldKeys.length * 2];
            phraseFirst = new int[oldKeys.length * 2];
            phraseStamps = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldStamps[i] == article) {
                    int slot = (int) (oldKeys[i] ^ (oldKeys[i] >>> 32)) & (phraseKeys.length - 1);
                    while (phraseStamps[slot] == article) {
                        slot = (slot + 1) & (phraseKeys.length - 1);
                    }
                    phraseKeys[slot] = oldKeys[i];
                    phraseFirst[slot] = oldFirst[i];
                    phraseStamps[slot] = article;
                }
            }
        }
    }
}
