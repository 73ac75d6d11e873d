package io.newswire.streams.tagging.entities.names;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswire.common.Json;
import io.newswire.streams.tagging.AtomicWrite;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The name finder's weights: for each feature hash, one weight per label, in an open-addressing table (no
 * boxing, one probe or two per feature), so that scoring a token is a handful of array reads.
 *
 * <p>On disk: a line {@code newswire-names-model 1}, a line of {@link NameModelInfo} JSON (readable with
 * {@code head -2}), then gzip of: the number of features, and per feature its hash and its weights stored
 * as 16-bit integers times {@code scale}; then the hashes of the common lowercase words; then the known
 * names ({@link KnownNames}): their hashes and types, and the hashes of their beginnings.
 */
public final class NameModel {

    static final String MAGIC = "newswire-names-model 1";
    /** The model shipped in the jar. */
    static final String DEFAULT_RESOURCE = "/io/newswire/streams/tagging/entities/names-gmb.model";
    private static final int MAX_HEADER_LINE = 64 * 1024;
    private static final int MAX_FEATURES = 20_000_000;
    private static final int SLOT = 3;
    /** {@link #filter} reads a feature hash's top 20 bits (the table's slot its low bits). */
    private static final int FILTER_SHIFT = 44;

    private final NameModelInfo info;
    /**
     * Per slot three longs: the feature hash, then its seven weights as 16-bit integers, four to a long. One
     * slot is one cache line at most: scoring a feature costs one memory miss, not two.
     */
    private final long[] table;
    private final float scale;
    private final int mask;
    /**
     * One bit per {@link #FILTER_SHIFT}-bit slice of a feature hash, set for the model's features: most of a
     * token's features (pairs of words) are in no model, and this 128 KB set, which stays in the core's own
     * cache, says so without the miss into the table. It never says no to a feature the table holds.
     */
    private final long[] filter = new long[1 << (64 - FILTER_SHIFT - 6)];
    /** Hashes of words the training text writes in lowercase more often than capitalised, sorted. */
    private final long[] commonWords;
    /** {@link #commonWords} in an open-addressing table at most half full (0 is {@link #zeroCommon}). */
    private final long[] commonTable;
    private final boolean zeroCommon;
    /** The gazetteer's names the model was trained with. */
    private final KnownNames knownNames;

    NameModel(NameModelInfo info, Map<Long, float[]> byFeature, long[] commonWords, KnownNames knownNames) {
        this.info = info;
        this.knownNames = knownNames;
        this.commonWords = commonWords.clone();
        Arrays.sort(this.commonWords);
        commonTable = new long[Integer.highestOneBit(Math.max(8, this.commonWords.length * 2 - 1)) << 1];
        boolean zero = false;
        for (long word : this.commonWords) {
            if (word == 0) {
                zero = true;
                continue;
            }
            int slot = commonSlot(word);
            while (commonTable[slot] != 0 && commonTable[slot] != word) {
                slot = (slot + 1) & (commonTable.length - 1);
            }
            commonTable[slot] = word;
        }
        zeroCommon = zero;
        int capacity = Integer.highestOneBit(Math.max(16, byFeature.size() * 2 - 1)) << 1;
        table = new long[capacity * SLOT];
        mask = capacity - 1;
        float max = 1e-6f;
        for (float[] w : byFeature.values()) {
            for (float x : w) {
                max = Math.max(max, Math.abs(x));
            }
        }
        scale = max / 32_000f;
        byFeature.forEach((key, w) -> {
            int at = slot(key) * SLOT;
            table[at] = key;
            filter[(int) (key >>> FILTER_SHIFT >>> 6)] |= 1L << (key >>> FILTER_SHIFT);
            for (int l = 0; l < NameLabels.COUNT; l++) {
                long q = Math.round(w[l] / scale) & 0xffffL;
                table[at + 1 + l / 4] |= q << (16 * (l % 4));
            }
        });
    }

    public NameModelInfo info() {
        return info;
    }

    KnownNames knownNames() {
        return knownNames;
    }

    /**
     * Whether the word ({@link io.newswire.streams.tagging.analysis.AnalyzedText#wordHash}) is usually written
     * in lowercase: "Treaty" or "Western" capitalised alone are not names.
     */
    public boolean isCommonWord(long wordHash) {
        if (wordHash == 0) {
            return zeroCommon;
        }
        int slot = commonSlot(wordHash);
        while (true) {
            long found = commonTable[slot];
            if (found == wordHash) {
                return true;
            }
            if (found == 0) {
                return false;
            }
            slot = (slot + 1) & (commonTable.length - 1);
        }
    }

    private int commonSlot(long wordHash) {
        return (int) ((wordHash ^ (wordHash >>> 29)) * 0x9E3779B97F4A7C15L >>> 40) & (commonTable.length - 1);
    }

    /** Adds the weights of {@code features} into {@code scores} (one per label). */
    void score(long[] features, int count, float[] scores) {
        int[] sums = new int[NameLabels.COUNT];
        sum(features, count, sums, 0);
        for (int l = 0; l < NameLabels.COUNT; l++) {
            scores[l] += sums[l] * scale;
        }
    }

    /**
     * Adds the weights of {@code features} into {@code sums} from {@code from} (one per label) as the stored
     * integers: sums of several groups of features add up exactly, whatever their order. Times {@link
     * #scale} they are the scores.
     */
    void sum(long[] features, int count, int[] sums, int from) {
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        int s4 = 0;
        int s5 = 0;
        int s6 = 0;
        for (int f = 0; f < count; f++) {
            long key = features[f];
            if ((filter[(int) (key >>> FILTER_SHIFT >>> 6)] & 1L << (key >>> FILTER_SHIFT)) == 0) {
                continue;
            }
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (true) {
                int at = slot * SLOT;
                long found = table[at];
                if (found == key) {
                    long low = table[at + 1];
                    long high = table[at + 2];
                    s0 += (short) low;
                    s1 += (short) (low >>> 16);
                    s2 += (short) (low >>> 32);
                    s3 += (short) (low >>> 48);
                    s4 += (short) high;
                    s5 += (short) (high >>> 16);
                    s6 += (short) (high >>> 32);
                    break;
                }
                if (found == 0) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        sums[from] += s0;
        sums[from + 1] += s1;
        sums[from + 2] += s2;
        sums[from + 3] += s3;
        sums[from + 4] += s4;
        sums[from + 5] += s5;
        sums[from + 6] += s6;
    }

    /** What one stored integer of {@link #sum} is worth in score. */
    float scale() {
        return scale;
    }

    private int slot(long key) {
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (table[slot * SLOT] != 0 && table[slot * SLOT] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The weight of a feature for a label, as stored. */
    private float weight(int slot, int label) {
        return (short) (table[slot * SLOT + 1 + label / 4] >>> (16 * (label % 4))) * scale;
    }

    int features() {
        int n = 0;
        for (int at = 0; at < table.length; at += SLOT) {
            if (table[at] != 0) {
                n++;
            }
        }
        return n;
    }

    /** The model shipped in the jar. */
    public static NameModel defaultModel() {
        try (InputStream in = NameModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the name model " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the model through a temporary file, so a reader never sees half of one. */
    public void write(Path file) throws IOException {
        AtomicWrite.write(file, temporary -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                out.write((MAGIC + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(Json.mapper().writeValueAsBytes(info));
                out.write('\n');
                GZIPOutputStream zipped = new GZIPOutputStream(out, 1 << 16);
                DataOutputStream data = new DataOutputStream(zipped);
                data.writeFloat(scale);
                data.writeInt(features());
                for (int slot = 0; slot <= mask; slot++) {
                    if (table[slot * SLOT] != 0) {
                        data.writeLong(table[slot * SLOT]);
                        for (int l = 0; l < NameLabels.COUNT; l++) {
                            data.writeShort(Math.round(weight(slot, l) / scale));
                        }
                    }
                }
                data.writeInt(commonWords.length);
                for (long word : commonWords) {
                    data.writeLong(word);
                }
                knownNames.write(data);
                data.flush();
                zipped.finish();
            }
        });
    }

    public static NameModel read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read name model " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static NameModel read(InputStream raw, String name) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (!MAGIC.equals(readLine(in))) {
            throw new IllegalArgumentException(name + " is not a newswire name model (train one with `newswire train-entities`)");
        }
        NameModelInfo info;
        try {
            info = Json.mapper().readValue(readLine(in), NameModelInfo.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": damaged name model header: " + e.getOriginalMessage());
        }
        if (!NameModelInfo.FEATURE_SCHEME.equals(info.featureScheme())) {
            throw new IllegalArgumentException(name + " was trained for features " + info.featureScheme()
                    + ", this newswire uses " + NameModelInfo.FEATURE_SCHEME + ": train it again");
        }
        DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        float scale = data.readFloat();
        int count = data.readInt();
        if (count < 0 || count > MAX_FEATURES) {
            throw new IllegalArgumentException(name + ": damaged name model (" + count + " features)");
        }
        Map<Long, float[]> byFeature = new java.util.HashMap<>(count * 2);
        for (int f = 0; f < count; f++) {
            long key = data.readLong();
            float[] w = new float[NameLabels.COUNT];
            for (int l = 0; l < NameLabels.COUNT; l++) {
                w[l] = data.readShort() * scale;
            }
            byFeature.put(key, w);
        }
        int common = data.readInt();
        if (common < 0 || common > MAX_FEATURES) {
            throw new IllegalArgumentException(name + ": damaged name model (" + common + " common words)");
        }
        long[] commonWords = new long[common];
        for (int w = 0; w < common; w++) {
            commonWords[w] = data.readLong();
        }
        return new NameModel(info, byFeature, commonWords, KnownNames.read(data, name));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= MAX_HEADER_LINE) {
                return "";
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
