package io.newswire.streams.tagging.analysis;

import org.apache.lucene.analysis.CharArrayMap;

/**
 * The words the tagger knows, each with a small int id, looked up straight from a token's chars without
 * making a String: stems of taxonomy phrases, lowercased tokens of gazetteer aliases and cue words.
 * Built once, then read-only and shared by all threads.
 */
public final class Vocabulary {

    /** The id of a word that is not in the vocabulary. */
    public static final int UNKNOWN = -1;

    private final CharArrayMap<Integer> ids = new CharArrayMap<>(1024, false);

    /** The id of {@code word}, adding it when new. Only while building. */
    public int add(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            id = ids.size();
            ids.put(word, id);
        }
        return id;
    }

    public int id(char[] chars, int offset, int length) {
        Integer id = ids.get(chars, offset, length);
        return id == null ? UNKNOWN : id;
    }

    public int size() {
        return ids.size();
    }
}
