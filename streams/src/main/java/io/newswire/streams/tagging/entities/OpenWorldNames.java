package io.newswire.streams.tagging.entities;

import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.entities.names.NameFinder;
import io.newswire.streams.tagging.entities.names.NameLabels;
import io.newswire.streams.tagging.entities.names.NameModel;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The names the model finds that the gazetteer does not know, as entities of the article: a person,
 * organisation or place with a slug id of its name. Titles do not belong to the name ("President", "Mr");
 * a later short mention joins the full name it stands for ("Howard" and "Mr Howard" after "Michael
 * Howard", "Blair" after the gazetteer's "Tony Blair"); nationality words ("Palestinian") and headlines in
 * capitals are left out; a name whose slug is a gazetteer id the article did not earn (a "Jordan" with no
 * cue for the country) is left out rather than confused with that entry.
 *
 * <p>One instance per thread: it reuses its buffers.
 */
final class OpenWorldNames {

    /** Words before a person's name that are not part of it. */
    private static final CharArraySet TITLES = words("mr", "mrs", "ms", "miss", "dr", "president", "prime", "minister",
            "secretary", "general", "gen", "senator", "sen", "rep", "representative", "gov", "governor", "king",
            "queen", "prince", "princess", "pope", "chancellor", "foreign", "defense", "defence", "interior",
            "finance", "vice", "lt", "col", "colonel", "captain", "capt", "sir", "lord", "lady", "judge", "justice",
            "ambassador", "chairman", "chairwoman", "chief", "executive", "spokesman", "spokeswoman", "mayor",
            "premier", "sheikh", "ayatollah", "cardinal", "bishop", "rev", "reverend", "professor", "prof", "deputy",
            "opposition", "leader", "former", "envoy", "commander", "lieutenant", "major", "sergeant", "sgt", "admiral",
            "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "mp", "president-elect", "elect",
            "speaker", "attorney", "state", "senior", "top", "new", "then", "first", "lady's", "saint", "st", "emir",
            "crown", "director", "boss", "head");
    /**
     * Single words that are capitalised but name no person, organisation or place: compass points alone ("the
     * West") and the feasts and seasons of the calendar.
     */
    private static final CharArraySet NOT_NAMES = words("north", "south", "east", "west", "christmas", "easter",
            "ramadan", "eid", "diwali", "hanukkah", "thanksgiving", "lent", "advent", "passover", "halloween");
    /** Endings of nationality and group words ("Palestinian", "Japanese", "Kurdish"): adjectives, not places. */
    private static final List<String> DEMONYM_ENDINGS = List.of("ian", "ean", "ese", "ish", "ans", "ians", "eans");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** The slug of the last name read ({@link #slug(CharSequence, int, int)}), reused. */
    private char[] slugChars = new char[64];

    /** A name found in the article that the gazetteer did not claim. */
    private record Found(int start, int end, int type) {
    }

    /** An entity of the article: the gazetteer's (entry ≥ 0) or a new one (slug, name, type). */
    static final class Entity {
        final int entry;
        final String id;
        final String name;
        final String type;
        int mentions;
        int firstAt;

        Entity(int entry, String id, String name, String type, int firstAt) {
            this.entry = entry;
            this.id = id;
            this.name = name;
            this.type = type;
            this.firstAt = firstAt;
        }
    }

    /**
     * Adds the model's names to {@code entities} (the gazetteer's, already there, keyed by id).
     *
     * @param claimed for each token, whether a gazetteer match covers it
     * @param gazetteerIds every id of the gazetteer
     * @param lastWordOf for a gazetteer entity of the article that is a person, the lowercased last word of
     *                   its name ("blair" for "Tony Blair"), so that a later "Blair" joins it
     */
    void add(AnalyzedText text, NameModel model, NameFinder.Scratch names, boolean[] claimed, Set<String> gazetteerIds,
             Map<String, Entity> entities, Map<String, Entity> personsByLastWord) {
        List<Found> singleWords = new ArrayList<>();
        for (int k = 0; k < names.count(); k++) {
            Found name = kept(text, model, claimed, names.start(k), names.end(k), names.type(k));
            if (name == null) {
                continue;
            }
            if (name.start() == name.end()) {
                singleWords.add(name);
                continue;
            }
            Entity full = name.type() == NameLabels.PERSON && !personsByLastWord.isEmpty()
                    ? personsByLastWord.get(text.lower(name.end())) : null;
            if (full != null && endsWithWords(full.name, text, name.start(), name.end())) {
                full.mentions++; // "Le Clos" after "Chad le Clos"
                full.firstAt = Math.min(full.firstAt, name.start());
                continue;
            }
            Entity entity = addNew(text, name.start(), name.end(), name.type(), gazetteerIds, entities);
            if (entity != null && name.type() == NameLabels.PERSON) {
                personsByLastWord.putIfAbsent(text.lower(name.end()), entity);
                personsByLastWord.putIfAbsent(text.lower(name.start()), entity);
            }
        }
        // After every full name is known: "Howard" may come before or after "Michael Howard". A single word
        // that is a word of a person's name in the same article is that person, whatever type the model
        // gave it ("Chepkemei" read as a place after "Susan Chepkemei").
        for (Found single : singleWords) {
            Entity full = personsByLastWord.isEmpty() ? null : personsByLastWord.get(text.lower(single.start()));
            if (full != null) {
                full.mentions++;
                full.firstAt = Math.min(full.firstAt, single.start());
            } else {
                addNew(text, single.start(), single.end(), single.type(), gazetteerIds, entities);
            }
        }
    }

    /**
     * Adds a person whose name the gazetteer's rules read from the text rather than the model ("Chad le Clos":
     * a place name with a name particle after it), so that later mentions of its words join it.
     */
    void addPerson(AnalyzedText text, int start, int end, Set<String> gazetteerIds, Map<String, Entity> entities,
                   Map<String, Entity> personsByLastWord) {
        Entity entity = addNew(text, start, end, NameLabels.PERSON, gazetteerIds, entities);
        if (entity != null && start < end) {
            personsByLastWord.putIfAbsent(text.lower(end), entity);
        }
    }

    /** Whether {@code name} ends with the words of tokens {@code start..end}, with more words before them. */
    private static boolean endsWithWords(String name, AnalyzedText text, int start, int end) {
        String words = collapseSpaces(new TextChars(text), text.start(start), text.end(end));
        return name.length() > words.length() + 1 && name.regionMatches(true, name.length() - words.length(), words, 0,
                words.length()) && name.charAt(name.length() - words.length() - 1) == ' ';
    }

    /** The name without its titles, or null when it is not one to keep. */
    private static Found kept(AnalyzedText text, NameModel model, boolean[] claimed, int start, int end, int type) {
        if (overlapsClaimed(claimed, start, end) && !(type == NameLabels.ORGANIZATION && endsOnClaimed(claimed, start, end))
                || shouted(text, start, end) || allCommon(text, start, end, model)) {
            return null;
        }
        if (type == NameLabels.PERSON) {
            while (start < end && text.lowerIn(TITLES, start)) {
                start++;
            }
            if (start == end && text.lowerIn(TITLES, start)) {
                return null;
            }
        }
        if (start == end && (type == NameLabels.LOCATION && isDemonym(text, start)
                || pluralAcronym(text, start) || text.lowerIn(NOT_NAMES, start))) {
            return null;
        }
        return new Found(start, end, type);
    }

    private Entity addNew(AnalyzedText text, int start, int end, int type, Set<String> gazetteerIds,
                          Map<String, Entity> entities) {
        // The possessive is cut from the text before its spaces are collapsed: it ends on a token, never on a
        // space, so the cut is the same; and the slug makes every run of spaces one hyphen either way.
        CharSequence s = new TextChars(text);
        int from = text.start(start);
        int to = text.end(end);
        if (to - from >= 2 && s.charAt(to - 1) == 's' && (s.charAt(to - 2) == '\'' || s.charAt(to - 2) == '\u2019')) {
            to -= 2;
        } else if (to > from && (s.charAt(to - 1) == '\'' || s.charAt(to - 1) == '\u2019')) {
            to -= 1;
        }
        String id = slug(s, from, to);
        if (id.isEmpty()) {
            return null;
        }
        Entity entity = entities.get(id);
        if (entity == null && id.endsWith("s")) {
            entity = entities.get(id.substring(0, id.length() - 1)); // "Oscars" after "Oscar"
        }
        if (entity == null) {
            entity = entities.get(id + "s");
        }
        if (entity == null) {
            if (gazetteerIds.contains(id)) {
                return null;
            }
            entity = new Entity(-1, id, collapseSpaces(s, from, to), typeName(type), start);
            entities.put(id, entity);
        }
        entity.mentions++;
        return entity;
    }

    /**
     * {@code s} from {@code from} to {@code to} with each run of whitespace (what the regex {@code \\s} matches:
     * space, tab, line feed, vertical tab, form feed, carriage return) made one space. A char loop, not a
     * regex: it runs for every candidate name.
     */
    static String collapseSpaces(CharSequence s, int from, int to) {
        StringBuilder out = null;
        boolean inSpace = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            boolean space = isSpace(c);
            if (space && out == null && (c != ' ' || k + 1 < to && isSpace(s.charAt(k + 1)))) {
                out = new StringBuilder(to - from).append(s, from, k);
            }
            if (out != null && !(space && inSpace)) {
                out.append(space ? ' ' : c);
            }
            inSpace = space;
        }
        return out == null ? s.subSequence(from, to).toString() : out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    static String typeName(int type) {
        return switch (type) {
            case NameLabels.PERSON -> "person";
            case NameLabels.ORGANIZATION -> "organization";
            default -> "place";
        };
    }

    /**
     * {@link #slug(String)} of {@code s} from {@code from} to {@code to}, without the copies in between when
     * it is all ASCII (nearly every name).
     */
    String slug(CharSequence s, int from, int to) {
        if (slugChars.length < to - from) {
            slugChars = new char[Math.max(to - from, slugChars.length * 2)];
        }
        int length = 0;
        boolean dash = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c > 127) {
                return slug(s.subSequence(from, to).toString());
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c == '\'') {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && length > 0) {
                    slugChars[length++] = '-';
                }
                slugChars[length++] = c;
                dash = false;
            } else {
                dash = true;
            }
        }
        return new String(slugChars, 0, length);
    }

    /** Lowercase ASCII words joined by hyphens: "Michael Howard" gives michael-howard, "Zoë Ball" zoe-ball. */
    static String slug(String name) {
        String folded = name;
        for (int k = 0; k < name.length(); k++) {
            if (name.charAt(k) > 127) {
                folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
                break;
            }
        }
        StringBuilder slug = new StringBuilder(folded.length());
        boolean dash = false;
        for (int k = 0; k < folded.length(); k++) {
            char c = Character.toLowerCase(folded.charAt(k));
            if (c == '\'' || c == '\u2019') {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return slug.toString();
    }

    /**
     * "Air New Zealand", "Reserve Bank of New Zealand": an organisation whose name ends on a name the gazetteer
     * matched, with words of its own before it. The organisation is kept beside the gazetteer's entity.
     */
    private static boolean endsOnClaimed(boolean[] claimed, int start, int end) {
        if (claimed[start] || !claimed[end]) {
            return false;
        }
        int k = end;
        while (claimed[k]) {
            k--;
        }
        while (k >= start && !claimed[k]) {
            k--;
        }
        return k < start;
    }

    private static boolean overlapsClaimed(boolean[] claimed, int start, int end) {
        for (int i = start; i <= end; i++) {
            if (claimed[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Treaty", "Western", "Nuclear Weapons": every word of it is one usually written in lowercase, so the
     * capital comes from a sentence start or a heading, not from a name.
     */
    private static boolean allCommon(AnalyzedText text, int start, int end, NameModel model) {
        for (int i = start; i <= end; i++) {
            if (text.is(i, AnalyzedText.CAPITALISED) && !model.isCommonWord(text.wordHash(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "MEETING OF THE COUNCIL OF MINISTERS": a headline in capitals, not a name; a single word in capitals
     * counts as shouted when a word in capitals stands beside it ("THE COUNCIL OF"), not when it is an
     * acronym in running text ("NATO said").
     */
    private static boolean shouted(AnalyzedText text, int start, int end) {
        for (int i = start; i <= end; i++) {
            if (!text.is(i, AnalyzedText.ALL_CAPS)) {
                return false;
            }
        }
        return start < end || shoutedWord(text, start - 1) || shoutedWord(text, end + 1);
    }

    private static boolean shoutedWord(AnalyzedText text, int i) {
        return i >= 0 && i < text.size() && text.is(i, AnalyzedText.ALL_CAPS) && text.is(i, AnalyzedText.ALPHA)
                && text.end(i) - text.start(i) > 1;
    }

    /** "MPs", "NGOs", "CEOs": a plural of a common acronym, not a name. */
    private static boolean pluralAcronym(AnalyzedText text, int i) {
        int end = text.end(i);
        return end - text.start(i) >= 3 && text.charAt(end - 1) == 's' && Character.isUpperCase(text.charAt(end - 2));
    }

    /**
     * The analysed text's chars as a {@link CharSequence} ({@link AnalyzedText#charAt}, {@link
     * AnalyzedText#substring}), so that reading a name does not make the String of the whole article.
     */
    private record TextChars(AnalyzedText text) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text.text();
        }
    }

    private static boolean isDemonym(AnalyzedText text, int i) {
        int length = text.lowerLength(i);
        for (String ending : DEMONYM_ENDINGS) {
            if (endsWith(text, i, length, ending)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the lowercased token {@code i} (of {@code length} chars) ends with {@code ending}. */
    private static boolean endsWith(AnalyzedText text, int i, int length, String ending) {
        int from = length - ending.length();
        if (from < 0) {
            return false;
        }
        for (int k = 0; k < ending.length(); k++) {
            if (text.lowerChar(i, from + k) != ending.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static CharArraySet words(String... words) {
        return CharArraySet.unmodifiableSet(new CharArraySet(List.of(words), false));
    }
}
