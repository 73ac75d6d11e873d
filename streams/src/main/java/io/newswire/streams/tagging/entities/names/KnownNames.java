package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import io.newswire.streams.tagging.entities.Gazetteer;
import io.newswire.streams.tagging.entities.GazetteerEntry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The gazetteer's names and aliases as the name finder sees them, for its features: which candidate tokens of
 * a text spell a known person, organisation, country or place ("Reserve Bank", "North Korean", "Taliban"),
 * and where in that name each sits. A known name is a strong hint of its type, above all for organisations
 * and places the training text names rarely.
 *
 * <p>Kept as hashes of token sequences ({@link AnalyzedText#wordHash}, lowercased), stored in the model: a
 * model always reads the names it was trained with, whatever the gazetteer says later.
 */
final class KnownNames {

    /** Bits of a token's flags above the decoder's ({@link BioDecoder}) that hold its mark ({@link #mark}). */
    static final int SHIFT = 8;
    /** Values of a mark: 0 (not in a known name), else a type bit set and whether the name begins here. */
    static final int MARKS = 1 << (1 + 4);
    /** Gazetteer types, in the order of their bits. */
    private static final List<String> TYPES = List.of("person", "organization", "country", "place");
    private static final int MAX_TOKENS = 8;
    private static final int MAX_NAMES = 1_000_000;
    /** In a {@link #table} entry: some name starts with this prefix; and it is a whole name (types below). */
    private static final long PREFIX = 1L << 32;
    private static final long NAME = 1L << 33;

    /** Hashes of whole names, sorted; {@link #types} beside them. */
    private final long[] names;
    /** The gazetteer types of each name, a bit each ({@link #TYPES}). */
    private final int[] types;
    /** Hashes of every name's first k tokens, sorted: where a longer match may still go on. */
    private final long[] prefixes;

    /**
     * Every prefix hash ({@link #prefixes}, which holds every name's) in an open-addressing table at most half
     * full, two longs per slot: the hash, then {@link #PREFIX} with the name's type bits when the prefix is a
     * whole name. One probe, mostly one cache line, where the sorted arrays took two binary searches per token.
     */
    private final long[] table;
    private final int mask;
    /** Whether hash 0, which marks an empty slot, is a prefix: {@link #PREFIX} and its types, or 0. */
    private final long zero;

    private KnownNames(long[] names, int[] types, long[] prefixes) {
        this.names = names;
        this.types = types;
        this.prefixes = prefixes;
        int capacity = Integer.highestOneBit(Math.max(8, prefixes.length * 2 - 1)) << 1;
        table = new long[capacity * 2];
        mask = capacity - 1;
        long zeroEntry = 0;
        for (long prefix : prefixes) {
            int at = Arrays.binarySearch(names, prefix);
            long entry = PREFIX | (at >= 0 ? NAME | types[at] : 0);
            if (prefix == 0) {
                zeroEntry = entry;
                continue;
            }
            int slot = slot(prefix);
            while (table[slot * 2] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot * 2] = prefix;
            table[slot * 2 + 1] = entry;
        }
        zero = zeroEntry;
    }

    private int slot(long hash) {
        return (int) ((hash ^ (hash >>> 29)) * 0x9E3779B97F4A7C15L >>> 40) & mask;
    }

    /** {@link #PREFIX}, with {@link #NAME} and its type bits when {@code hash} is a whole name; 0 when no name starts so. */
    private long lookUp(long hash) {
        if (hash == 0) {
            return zero;
        }
        int slot = slot(hash);
        while (true) {
            long found = table[slot * 2];
            if (found == hash) {
                return table[slot * 2 + 1];
            }
            if (found == 0) {
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The names and aliases of {@code gazetteer}, tokenised as articles are. */
    static KnownNames of(Gazetteer gazetteer) {
        NewsAnalyzer analyzer = new NewsAnalyzer();
        AnalyzedText text = new AnalyzedText();
        Vocabulary stems = new Vocabulary();
        Vocabulary words = new Vocabulary();
        TreeMap<Long, Integer> byName = new TreeMap<>();
        TreeMap<Long, Boolean> starts = new TreeMap<>();
        for (GazetteerEntry entry : gazetteer.entities()) {
            int type = 1 << TYPES.indexOf(entry.type());
            List<String> spellings = new ArrayList<>(entry.aliases());
            spellings.add(entry.name());
            for (String spelling : spellings) {
                text.analyze(analyzer, spelling, 0, stems, words);
                if (text.size() == 0 || text.size() > MAX_TOKENS) {
                    continue;
                }
                long h = 0;
                for (int k = 0; k < text.size(); k++) {
                    h = step(h, text.wordHash(k));
                    starts.put(h, true);
                }
                byName.merge(h, type, (a, b) -> a | b);
            }
        }
        analyzer.close();
        return new KnownNames(byName.keySet().stream().mapToLong(Long::longValue).toArray(),
                byName.values().stream().mapToInt(Integer::intValue).toArray(),
                starts.keySet().stream().mapToLong(Long::longValue).toArray());
    }

    private static long step(long h, long word) {
        return (h + 0x9E3779B97F4A7C15L) * 31 + word;
    }

    /**
     * Marks the candidate tokens ({@code flags} not 0) of the longest known names, each starting at a
     * capitalised token and ending on one, into the bits of {@code flags} from {@link #SHIFT}: the name's type
     * bits, shifted by one, and 1 on its first token.
     */
    void mark(AnalyzedText text, int[] flags) {
        int size = text.size();
        int i = 0;
        while (i < size) {
            if (flags[i] == 0 || !text.is(i, AnalyzedText.CAPITALISED)) {
                i++;
                continue;
            }
            long h = 0;
            int end = -1;
            int found = 0;
            for (int j = i; j < size && j - i < MAX_TOKENS && flags[j] != 0; j++) {
                h = step(h, text.wordHash(j));
                long entry = lookUp(h);
                if (entry == 0) {
                    break;
                }
                if ((entry & NAME) != 0 && text.is(j, AnalyzedText.CAPITALISED)) {
                    end = j;
                    found = (int) entry;
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            for (int k = i; k <= end; k++) {
                flags[k] |= (found << 1 | (k == i ? 1 : 0)) << SHIFT;
            }
            i = end + 1;
        }
    }

    /** The mark {@link #mark} gave a token, from its flags: 0 when it is in no known name. */
    static int of(int flags) {
        return flags >>> SHIFT;
    }

    int size() {
        return names.length;
    }

    void digest(MessageDigest digest) {
        for (int k = 0; k < names.length; k++) {
            digest.update(Long.toString(names[k]).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) types[k]);
        }
    }

    void write(DataOutputStream data) throws IOException {
        data.writeInt(names.length);
        for (int k = 0; k < names.length; k++) {
            data.writeLong(names[k]);
            data.writeByte(types[k]);
        }
        data.writeInt(prefixes.length);
        for (long prefix : prefixes) {
            data.writeLong(prefix);
        }
    }

    static KnownNames read(DataInputStream data, String name) throws IOException {
        int count = data.readInt();
        if (count < 0 || count > MAX_NAMES) {
            throw new IllegalArgumentException(name + ": damaged name model (" + count + " known names)");
        }
        long[] names = new long[count];
        int[] types = new int[count];
        for (int k = 0; k < count; k++) {
            names[k] = data.readLong();
            types[k] = data.readUnsignedByte();
        }
        int starts = data.readInt();
        if (starts < 0 || starts > MAX_NAMES * MAX_TOKENS) {
            throw new IllegalArgumentException(name + ": damaged name model (" + starts + " known name prefixes)");
        }
        long[] prefixes = new long[starts];
        for (int k = 0; k < starts; k++) {
            prefixes[k] = data.readLong();
        }
        if (!sorted(names) || !sorted(prefixes)) {
            throw new IllegalArgumentException(name + ": damaged name model (known names out of order)");
        }
        return new KnownNames(names, types, prefixes);
    }

    private static boolean sorted(long[] values) {
        for (int k = 1; k < values.length; k++) {
            if (values[k - 1] >= values[k]) {
                return false;
            }
        }
        return true;
    }
}
