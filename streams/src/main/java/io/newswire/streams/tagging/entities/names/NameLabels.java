package io.newswire.streams.tagging.entities.names;

import java.util.List;

/**
 * The labels of the name finder, one per token: outside a name, or the beginning or inside of a person,
 * organisation or location (BIO). Label {@code 1 + 2t} begins type {@code t}, {@code 2 + 2t} continues it.
 */
public final class NameLabels {

    public static final int OUTSIDE = 0;
    public static final int PERSON = 0;
    public static final int ORGANIZATION = 1;
    public static final int LOCATION = 2;
    /** Type names as CoNLL files spell them. */
    public static final List<String> TYPES = List.of("PER", "ORG", "LOC");
    public static final int COUNT = 1 + 2 * TYPES.size();

    private NameLabels() {
    }

    public static int begin(int type) {
        return 1 + 2 * type;
    }

    public static int inside(int type) {
        return 2 + 2 * type;
    }

    /** The type of a B or I label, or -1 for outside. */
    public static int type(int label) {
        return label == OUTSIDE ? -1 : (label - 1) / 2;
    }

    public static boolean isInside(int label) {
        return label != OUTSIDE && (label - 1) % 2 == 1;
    }

    /** A CoNLL type ("PER", "ORG", "LOC"), or -1 for any other (MISC, dates): those count as outside. */
    public static int typeOf(String conllType) {
        return TYPES.indexOf(conllType);
    }
}
