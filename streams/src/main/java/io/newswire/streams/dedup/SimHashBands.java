package io.newswire.streams.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a 64-bit fingerprint into {@code maxDistance + 1} bands. Two fingerprints within {@code maxDistance}
 * bits of each other agree on at least one whole band (pigeonhole), so looking up an article's bands finds
 * every earlier near-duplicate without comparing it to all of them.
 */
public final class SimHashBands {

    private final int maxDistance;
    private final int bands;

    public SimHashBands(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 15) {
            throw new IllegalArgumentException("near-duplicate distance must be 0..15 bits, not " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.bands = maxDistance + 1;
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** One key per band, {@code "<band>:<bits as hex>"}. */
    public List<String> keys(long fingerprint) {
        List<String> keys = new ArrayList<>(bands);
        int width = 64 / bands;
        for (int band = 0; band < bands; band++) {
            int from = band * width;
            int bits = band == bands - 1 ? 64 - from : width;
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            keys.add(band + ":" + Long.toHexString((fingerprint >>> from) & mask));
        }
        return keys;
    }

    public boolean near(long a, long b) {
        return SimHash.distance(a, b) <= maxDistance;
    }
}
