package io.newswire.streams.tagging.entities;

import io.newswire.common.EntityMention;
import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.TokenTrie;
import io.newswire.streams.tagging.analysis.Vocabulary;
import io.newswire.streams.tagging.entities.names.NameFinder;
import io.newswire.streams.tagging.entities.names.NameLabels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the gazetteer's entities in an analysed article: every alias of every entry is a sequence of
 * lowercased tokens in one {@link TokenTrie}; from each token the longest alias that fits wins, so "Kim
 * Jong-gyu" is not read as "Kim Jong Un" and "Kursk region" is one mention of {@code kursk}.
 *
 * <p>What keeps it honest: names must be capitalised as names are ("US" in capitals, never "us"); a name
 * that is also a word or another thing ("Jordan", "Chad", "Georgia") needs one of its cue words in the
 * article and is dropped when it sits inside a longer capitalised name ("Michael Jordan"); a person is not
 * matched when a hyphenated part follows ("Kim Jong-gyu" against a "Kim Jong"); a capital stands for its
 * country ("Pyongyang said …") unless it is where something happens ("in Minsk", "visit to Pyongyang").
 *
 * <p>With a {@link NameFinder}, the names the model reads in the article count too: a person's alias inside
 * a longer name of someone else ("Vance" in "John Vance Langmore") is not that person, and the names the
 * gazetteer does not know become entities of their own ({@link OpenWorldNames}).
 */
public final class EntityMatcher {

    private record Alias(int entry, boolean allCaps) {
    }

    /** Words before a capital that make it the place rather than the state. */
    private static final List<String> LOCATIVE = List.of("in", "at", "near", "outside", "inside", "around",
            "to", "into", "across", "attack", "attacked", "attacks", "struck", "shelled", "bombed", "hit",
            "visited", "visiting", "reached", "toward", "towards", "via", "through");

    private static final Set<String> GENERATION_SUFFIXES = Set.of("jr", "junior", "sr", "senior", "ii", "iii");

    /** Titles that may start a person's name as the model reads it ("President Joe Biden") without being part of it. */
    private static final List<String> PERSON_TITLES = List.of("mr", "mrs", "ms", "dr", "president", "senator", "sen",
            "vice", "governor", "gov", "minister", "prime", "secretary", "chancellor", "king", "queen", "prince",
            "general", "gen", "rep", "leader", "premier", "pope", "former", "us", "u.s");

    /** Lowercase words inside a person's name that join its parts ("Chad le Clos", "Bashar al-Assad"). */
    private static final Set<String> NAME_PARTICLES = Set.of("le", "la", "de", "du", "des", "del", "della", "van",
            "von", "der", "den", "da", "di", "dos", "das", "bin", "ibn", "al", "el", "ben", "ter", "zu");

    /** Words right before a place name that make it a person's name ("swimmer Chad le Clos", "Mr Jordan"). */
    private static final List<String> PERSON_CUES = List.of("mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady",
            "prof", "professor", "swimmer", "striker", "midfielder", "defender", "goalkeeper", "forward", "winger",
            "captain", "coach", "manager", "player", "runner", "sprinter", "athlete", "boxer", "golfer", "cyclist",
            "driver", "jockey", "singer", "actor", "actress", "rapper", "presenter", "minister", "president",
            "senator", "governor", "chancellor", "spokesman", "spokeswoman", "chairman", "chairwoman", "judge",
            "secretary", "ambassador", "envoy", "mayor", "premier", "general", "colonel", "commander");

    private final List<GazetteerEntry> entries;
    private final TokenTrie<Alias> trie;
    private final int[][] cueWordIds;
    private final int[] metonymOf;
    private final int[] locativeIds;
    private final int[] titleIds;
    private final int[] personCueIds;
    /** For each entry that is a person with a name of several words, the lowercased last word of it, else null. */
    private final String[] surnames;
    private final Set<String> ids;
    private final Vocabulary words;
    private final NameFinder names;

    /**
     * @param words the vocabulary of lowercased tokens, shared with the article analysis
     * @param tokenize an alias or cue → its lowercased tokens, with the article analyser
     */
    public EntityMatcher(Gazetteer gazetteer, Vocabulary words, Function<String, List<String>> tokenize) {
        this(gazetteer, words, tokenize, null);
    }

    /**
     * @param names the model that finds names the gazetteer does not know, or null for the gazetteer alone
     */
    public EntityMatcher(Gazetteer gazetteer, Vocabulary words, Function<String, List<String>> tokenize,
                         NameFinder names) {
        this.entries = gazetteer.entities();
        this.words = words;
        this.names = names;
        this.surnames = new String[entries.size()];
        this.ids = new HashSet<>();
        TokenTrie.Builder<Alias> builder = new TokenTrie.Builder<>();
        Map<String, Integer> indexById = new HashMap<>();
        cueWordIds = new int[entries.size()][];
        metonymOf = new int[entries.size()];
        for (int e = 0; e < entries.size(); e++) {
            indexById.put(entries.get(e).id(), e);
        }
        for (int e = 0; e < entries.size(); e++) {
            GazetteerEntry entry = entries.get(e);
            List<String> aliases = new ArrayList<>(entry.aliases());
            aliases.add(0, entry.name());
            for (String name : aliases.stream().distinct().toList()) {
                int[] ids = tokenize.apply(name).stream().mapToInt(words::add).toArray();
                builder.add(ids, new Alias(e, isAllCaps(name)));
            }
            cueWordIds[e] = entry.cues().stream().flatMap(cue -> tokenize.apply(cue).stream())
                    .mapToInt(words::add).toArray();
            metonymOf[e] = entry.of() == null ? -1 : indexById.get(entry.of());
            List<String> nameTokens = tokenize.apply(entry.name());
            if ("person".equals(entry.type()) && nameTokens.size() > 1) {
                surnames[e] = nameTokens.get(nameTokens.size() - 1);
            }
            ids.add(entry.id());
        }
        locativeIds = LOCATIVE.stream().mapToInt(words::add).sorted().toArray();
        titleIds = PERSON_TITLES.stream().mapToInt(words::add).sorted().toArray();
        personCueIds = PERSON_CUES.stream().mapToInt(words::add).sorted().toArray();
        trie = builder.build();
    }

    /** Per-thread state, reused across articles. */
    public final class Scratch {
        private int[] seen = new int[0];
        private int stamp;
        /** Whether {@link #seen} holds the words of the article being matched (marked when a cue is first asked). */
        private boolean marked;
        private final int[] mentions = new int[entries.size()];
        private final int[] firstAt = new int[entries.size()];
        private final int[] found = new int[entries.size()];
        private final NameFinder.Scratch nameScratch = names == null ? null : names.newScratch();
        private final OpenWorldNames openWorld = new OpenWorldNames();
        private int[] nameAt = new int[256];
        /** Per token of the last article: the gazetteer entry it was matched to, or -1. */
        private int[] entryAt = new int[256];
        private boolean[] claimed = new boolean[256];
        /** Persons whose name starts with a place name ("Chad le Clos"): first and last token of each. */
        private int[] personStarts = new int[8];
        private int[] personEnds = new int[8];
        private int personCount;

        private void notePerson(int start, int end) {
            if (personCount > 0 && personEnds[personCount - 1] >= start) {
                return;
            }
            if (personCount == personStarts.length) {
                personStarts = Arrays.copyOf(personStarts, personCount * 2);
                personEnds = Arrays.copyOf(personEnds, personCount * 2);
            }
            personStarts[personCount] = start;
            personEnds[personCount] = end;
            personCount++;
        }
    }

    public Scratch newScratch() {
        return new Scratch();
    }

    /** The entities of the article with their mention counts, most mentioned first. */
    public List<EntityMention> match(AnalyzedText text, Scratch scratch) {
        scratch.marked = false;
        if (scratch.entryAt.length < text.size()) {
            scratch.entryAt = new int[Math.max(text.size(), scratch.entryAt.length * 2)];
        }
        Arrays.fill(scratch.entryAt, 0, text.size(), -1);
        scratch.personCount = 0;
        prepareNames(text, scratch);
        int foundCount = 0;
        int i = 0;
        while (i < text.size()) {
            int bestEnd = -1;
            int bestEntry = -1;
            TokenTrie.Node<Alias> node = trie.root();
            for (int j = i; j < text.size(); j++) {
                if (j > i && !nameGap(text, j - 1)) {
                    break;
                }
                node = node.next(text.wordId(j));
                if (node == null) {
                    break;
                }
                for (Alias alias : node.values()) {
                    if (accepts(alias, text, i, j, scratch)) {
                        bestEnd = j;
                        bestEntry = alias.entry();
                        break;
                    }
                }
            }
            if (bestEntry < 0) {
                i++;
                continue;
            }
            foundCount = count(resolveMetonymy(bestEntry, text, i), i, bestEnd, scratch, foundCount);
            i = bestEnd + 1;
        }
        return names == null ? mentions(scratch, foundCount) : withOpenWorldNames(text, scratch, foundCount);
    }

    private int count(int entry, int from, int to, Scratch scratch, int foundCount) {
        if (scratch.mentions[entry]++ == 0) {
            scratch.firstAt[entry] = from;
            scratch.found[foundCount++] = entry;
        } else {
            scratch.firstAt[entry] = Math.min(scratch.firstAt[entry], from);
        }
        for (int k = from; k <= to; k++) {
            scratch.entryAt[k] = entry;
            if (names != null) {
                scratch.claimed[k] = true;
            }
        }
        return foundCount;
    }

    /**
     * The id of the gazetteer entity that token {@code i} of the article last matched is part of ("DPRK" and
     * "Pyongyang" give {@code north-korea}), or null.
     */
    public String entityIdAt(Scratch scratch, int i) {
        int entry = i < scratch.entryAt.length ? scratch.entryAt[i] : -1;
        return entry < 0 ? null : entries.get(entry).id();
    }

    /** Runs the name model, and notes for each token the name it is part of. */
    private void prepareNames(AnalyzedText text, Scratch scratch) {
        if (names == null) {
            return;
        }
        if (scratch.nameAt.length < text.size()) {
            scratch.nameAt = new int[Math.max(text.size(), scratch.nameAt.length * 2)];
            scratch.claimed = new boolean[scratch.nameAt.length];
        }
        Arrays.fill(scratch.nameAt, 0, text.size(), -1);
        Arrays.fill(scratch.claimed, 0, text.size(), false);
        names.find(text, scratch.nameScratch);
        for (int k = 0; k < scratch.nameScratch.count(); k++) {
            for (int t = scratch.nameScratch.start(k); t <= scratch.nameScratch.end(k); t++) {
                scratch.nameAt[t] = k;
            }
        }
    }

    /** The gazetteer's entities and the model's new ones together, most mentioned first. */
    private List<EntityMention> withOpenWorldNames(AnalyzedText text, Scratch scratch, int foundCount) {
        Map<String, OpenWorldNames.Entity> byId = new LinkedHashMap<>();
        Map<String, OpenWorldNames.Entity> personsByWord = new HashMap<>();
        for (int k = 0; k < foundCount; k++) {
            int e = scratch.found[k];
            GazetteerEntry entry = entries.get(e);
            OpenWorldNames.Entity entity = new OpenWorldNames.Entity(e, entry.id(), entry.name(), entry.type(),
                    scratch.firstAt[e]);
            entity.mentions = scratch.mentions[e];
            scratch.mentions[e] = 0;
            byId.put(entry.id(), entity);
            if (surnames[e] != null) {
                personsByWord.putIfAbsent(surnames[e], entity);
            }
        }
        for (int k = 0; k < scratch.personCount; k++) {
            int start = scratch.personStarts[k];
            int end = scratch.personEnds[k];
            if (!anyClaimed(scratch, start, end)) {
                Arrays.fill(scratch.claimed, start, end + 1, true);
                scratch.openWorld.addPerson(text, start, end, ids, byId, personsByWord);
            }
        }
        scratch.openWorld.add(text, names.model(), scratch.nameScratch, scratch.claimed, ids, byId, personsByWord);
        List<OpenWorldNames.Entity> order = new ArrayList<>(byId.values());
        order.sort((a, b) -> a.mentions != b.mentions ? Integer.compare(b.mentions, a.mentions)
                : Integer.compare(a.firstAt, b.firstAt));
        List<EntityMention> result = new ArrayList<>(order.size());
        for (OpenWorldNames.Entity entity : order) {
            result.add(new EntityMention(entity.id, entity.name, entity.type, entity.mentions));
        }
        return result;
    }

    private static boolean anyClaimed(Scratch scratch, int start, int end) {
        for (int t = start; t <= end; t++) {
            if (scratch.claimed[t]) {
                return true;
            }
        }
        return false;
    }

    private List<EntityMention> mentions(Scratch scratch, int foundCount) {
        Integer[] order = new Integer[foundCount];
        for (int k = 0; k < foundCount; k++) {
            order[k] = scratch.found[k];
        }
        Arrays.sort(order, (a, b) -> scratch.mentions[a] != scratch.mentions[b]
                ? Integer.compare(scratch.mentions[b], scratch.mentions[a])
                : Integer.compare(scratch.firstAt[a], scratch.firstAt[b]));
        List<EntityMention> result = new ArrayList<>(foundCount);
        for (int e : order) {
            GazetteerEntry entry = entries.get(e);
            result.add(new EntityMention(entry.id(), entry.name(), entry.type(), scratch.mentions[e]));
            scratch.mentions[e] = 0;
        }
        return result;
    }

    private boolean accepts(Alias alias, AnalyzedText text, int from, int to, Scratch scratch) {
        if (!capitalisedAsName(alias, text, from, to)) {
            return false;
        }
        GazetteerEntry entry = entries.get(alias.entry());
        if (isPlace(entry)) {
            if (personNamedAfterPlace(text, from, to)) {
                scratch.notePerson(from, personNameEnd(text, to));
                return false;
            }
            if (insideLongerOrganisationOrPerson(text, from, to, scratch)) {
                return false;
            }
        }
        if ("person".equals(entry.type()) && to + 1 < text.size() && namePartFollows(text, to)) {
            return false;
        }
        if (("person".equals(entry.type()) || entry.ambiguous()) && insideLongerPersonName(text, from, to, scratch)) {
            return false;
        }
        if (entry.ambiguous()) {
            return hasCue(alias.entry(), text, scratch) && !insideLongerName(text, from, to);
        }
        return true;
    }

    /**
     * "Vance" in "John Vance Langmore", "Chad" in "Chad le Clos": the model reads a longer person's name around
     * the alias, one that goes on past it or starts before it with more than titles.
     */
    private boolean insideLongerPersonName(AnalyzedText text, int from, int to, Scratch scratch) {
        if (names == null) {
            return false;
        }
        int k = scratch.nameAt[from];
        if (k < 0 || scratch.nameAt[to] != k || scratch.nameScratch.type(k) != NameLabels.PERSON) {
            return false;
        }
        if (scratch.nameScratch.end(k) > to) {
            return true;
        }
        for (int t = scratch.nameScratch.start(k); t < from; t++) {
            if (Arrays.binarySearch(titleIds, text.wordId(t)) < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlace(GazetteerEntry entry) {
        return "place".equals(entry.type()) || "country".equals(entry.type());
    }

    /**
     * "Air New Zealand", "Reserve Bank of New Zealand", "Georgia Smith": the model reads an organisation or a
     * person whose name holds the place and goes beyond it, so the place is a word of that name, not the place
     * itself. Titles alone do not make a longer person ("US President" before a name keeps the US).
     */
    private boolean insideLongerOrganisationOrPerson(AnalyzedText text, int from, int to, Scratch scratch) {
        if (names == null) {
            return false;
        }
        int k = scratch.nameAt[from];
        if (k < 0 || scratch.nameAt[to] != k) {
            return false;
        }
        int start = scratch.nameScratch.start(k);
        int end = scratch.nameScratch.end(k);
        int type = scratch.nameScratch.type(k);
        if (start == from && end == to || type == NameLabels.LOCATION) {
            return false;
        }
        if (type == NameLabels.ORGANIZATION) {
            return true;
        }
        boolean wordsBefore = false;
        for (int t = start; t < from; t++) {
            wordsBefore |= Arrays.binarySearch(titleIds, text.wordId(t)) < 0;
        }
        boolean wordsAfter = false;
        for (int t = to + 1; t <= end; t++) {
            wordsAfter |= Arrays.binarySearch(titleIds, text.wordId(t)) < 0;
        }
        return wordsBefore || wordsAfter && Arrays.binarySearch(titleIds, text.wordId(to + 1)) < 0;
    }

    /**
     * "swimmer Chad le Clos", "Mr Jordan", "Paris van Dyke": a place name right after a word that names a
     * person's role or title, or followed by a lowercase name particle and a capitalised word, is a person's.
     */
    private boolean personNamedAfterPlace(AnalyzedText text, int from, int to) {
        boolean cue = from > 0 && (text.joinedToNext(from - 1) || ". ".equals(text.gapBefore(from)))
                && Arrays.binarySearch(personCueIds, text.wordId(from - 1)) >= 0;
        return cue || particleAndNameFollow(text, to);
    }

    /** "le Clos", "al-Assad", "van Persie" after token {@code i}. */
    private static boolean particleAndNameFollow(AnalyzedText text, int i) {
        return i + 2 < text.size() && text.joinedToNext(i) && NAME_PARTICLES.contains(text.lower(i + 1))
                && !text.is(i + 1, AnalyzedText.CAPITALISED) && particleGap(text.gapAfter(i + 1))
                && capitalisedWord(text, i + 2);
    }

    private static boolean particleGap(String gap) {
        return " ".equals(gap) || "-".equals(gap) || "'".equals(gap) || "\u2019".equals(gap);
    }

    /** The last token of a person's name that starts with a place name ending at {@code to}: "Chad le Clos". */
    private static int personNameEnd(AnalyzedText text, int to) {
        int end = to;
        while (end + 1 < text.size()) {
            if (particleAndNameFollow(text, end)) {
                end += 2;
            } else if (text.joinedToNext(end) && capitalisedWord(text, end + 1)) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    /** "Kim Jong-gyu" after a "Kim Jong", "Donald Trump Jr.": another person whose name starts the same. */
    private static boolean namePartFollows(AnalyzedText text, int last) {
        String gap = text.gapAfter(last);
        if ("-".equals(gap) && text.is(last + 1, AnalyzedText.ALPHA)) {
            return true;
        }
        return (" ".equals(gap) || ", ".equals(gap)) && GENERATION_SUFFIXES.contains(text.lower(last + 1));
    }

    private static boolean capitalisedAsName(Alias alias, AnalyzedText text, int from, int to) {
        if (!alias.allCaps()) {
            return text.is(from, AnalyzedText.CAPITALISED);
        }
        for (int k = from; k <= to; k++) {
            if (!text.is(k, AnalyzedText.ALL_CAPS)) {
                return false;
            }
        }
        return true;
    }

    private boolean hasCue(int entry, AnalyzedText text, Scratch scratch) {
        if (!scratch.marked) {
            markWordsPresent(text, scratch);
            scratch.marked = true;
        }
        for (int cue : cueWordIds[entry]) {
            if (cue < scratch.seen.length && scratch.seen[cue] == scratch.stamp) {
                return true;
            }
        }
        return false;
    }

    /** "Michael Jordan", "Jordan Henderson": a capitalised word right beside the name makes it a person's. */
    private static boolean insideLongerName(AnalyzedText text, int from, int to) {
        boolean before = from > 0 && text.joinedToNext(from - 1) && capitalisedWord(text, from - 1)
                && !sentenceStart(text, from - 1);
        boolean after = text.joinedToNext(to) && capitalisedWord(text, to + 1);
        return before || after;
    }

    private static boolean capitalisedWord(AnalyzedText text, int i) {
        return text.is(i, AnalyzedText.CAPITALISED) && text.is(i, AnalyzedText.ALPHA) && !text.is(i, AnalyzedText.STOP);
    }

    private static boolean sentenceStart(AnalyzedText text, int i) {
        if (i == 0) {
            return true;
        }
        String gap = text.gapBefore(i);
        return gap.indexOf('.') >= 0 || gap.indexOf('\n') >= 0 || gap.indexOf('!') >= 0 || gap.indexOf('?') >= 0;
    }

    private int resolveMetonymy(int entry, AnalyzedText text, int from) {
        if (metonymOf[entry] < 0) {
            return entry;
        }
        boolean place = from > 0 && text.joinedToNext(from - 1)
                && Arrays.binarySearch(locativeIds, text.wordId(from - 1)) >= 0;
        return place ? entry : metonymOf[entry];
    }

    /** Only spaces, hyphens, apostrophes or an abbreviation's dot may sit between the words of a name. */
    private static boolean nameGap(AnalyzedText text, int i) {
        String gap = text.gapAfter(i);
        for (int k = 0; k < gap.length(); k++) {
            char c = gap.charAt(k);
            if (c != ' ' && c != '-' && c != '\'' && c != '\u2019' && c != '.' && c != '\u00a0') {
                return false;
            }
        }
        return gap.indexOf('.') < 0 || gap.length() == 1 || gap.equals(". ");
    }

    private void markWordsPresent(AnalyzedText text, Scratch scratch) {
        if (scratch.seen.length < words.size()) {
            scratch.seen = new int[words.size()];
        }
        scratch.stamp++;
        for (int i = 0; i < text.size(); i++) {
            int id = text.wordId(i);
            if (id >= 0) {
                scratch.seen[id] = scratch.stamp;
            }
        }
    }

    private static boolean isAllCaps(String name) {
        return name.chars().anyMatch(Character::isLetter) && name.equals(name.toUpperCase(Locale.ROOT));
    }
}
