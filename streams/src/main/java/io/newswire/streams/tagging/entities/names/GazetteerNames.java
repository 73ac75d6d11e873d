package io.newswire.streams.tagging.entities.names;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import io.newswire.streams.tagging.entities.Gazetteer;
import io.newswire.streams.tagging.entities.GazetteerEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gazetteer's names and aliases as sequences of word hashes, for the name finder's features: which
 * tokens of a text are a known person, organisation, country or place, and where in that name they sit.
 */
final class GazetteerNames {

    /** Bits of a token's flags above the decoder's that hold its gazetteer mark. */
    static final int SHIFT = 8;
    private static final int MAX_TOKENS = 8;
    private static final List<String> TYPES = List.of("person", "organization", "country", "place");

    private final Map<Long, Integer> names = new HashMap<>();
    private final Set<Long> prefixes = new HashSet<>();

    GazetteerNames(Gazetteer gazetteer) {
        NewsAnalyzer analyzer = new NewsAnalyzer();
        AnalyzedText text = new AnalyzedText();
        Vocabulary stems = new Vocabulary();
        Vocabulary words = new Vocabulary();
        for (GazetteerEntry entry : gazetteer.entities()) {
            int type = 1 + TYPES.indexOf(entry.type());
            List<String> all = new java.util.ArrayList<>(entry.aliases());
            all.add(entry.name());
            for (String alias : all) {
                text.analyze(analyzer, alias, 0, stems, words);
                if (text.size() == 0 || text.size() > MAX_TOKENS) {
                    continue;
                }
                long h = 0;
                for (int k = 0; k < text.size(); k++) {
                    h = step(h, text.wordHash(k));
                    prefixes.add(h);
                }
                names.merge(h, 1 << type, (a, b) -> a | b);
            }
        }
        analyzer.close();
    }

    private static long step(long h, long word) {
        return (h + 0x9E3779B97F4A7C15L) * 31 + word;
    }

    /** Marks the tokens of the longest known names in the candidate tokens, into the high bits of {@code flags}. */
    void mark(AnalyzedText text, int[] flags) {
        int i = 0;
        while (i < text.size()) {
            if (flags[i] == 0 || !text.is(i, AnalyzedText.CAPITALISED)) {
                i++;
                continue;
            }
            long h = 0;
            int end = -1;
            int types = 0;
            for (int j = i; j < text.size() && j - i < MAX_TOKENS && flags[j] != 0; j++) {
                h = step(h, text.wordHash(j));
                if (!prefixes.contains(h)) {
                    break;
                }
                Integer found = names.get(h);
                if (found != null && text.is(j, AnalyzedText.CAPITALISED)) {
                    end = j;
                    types = found;
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            for (int k = i; k <= end; k++) {
                flags[k] |= ((types << 1) | (k == i ? 1 : 0)) << SHIFT;
            }
            i = end + 1;
        }
    }
}
