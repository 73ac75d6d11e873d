package io.newswire.streams.dedup;

/**
 * Splits a 64-bit fingerprint into {@code maxDistance + 1} bands. Two fingerprints within {@code maxDistance}
 * bits of each other agree on at least one whole band (pigeonhole), so looking up an article's bands finds
 * every earlier near-duplicate without comparing it to all of them.
 */
public final class SimHashBands {

    private final int maxDistance;
    private final int bands;
    private final int width;

    public SimHashBands(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 15) {
            throw new IllegalArgumentException("near-duplicate distance must be 0..15 bits, not " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.bands = maxDistance + 1;
        this.width = 64 / bands;
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** How many bands a fingerprint is split into. */
    public int count() {
        return bands;
    }

    /** The bits of one band (0 ≤ band &lt; {@link #count()}); the last band takes the bits left over. */
    public long band(long fingerprint, int band) {
        int from = band * width;
        int bits = band == bands - 1 ? 64 - from : width;
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        return (fingerprint >>> from) & mask;
    }

    public boolean near(long a, long b) {
        return SimHash.distance(a, b) <= maxDistance;
    }
}
