package io.newswire.streams.tagging.quantities;

import io.newswire.common.Quantity;
import io.newswire.streams.tagging.analysis.AnalyzedText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Numbers with what they count: "11,000 soldiers" (11000 / soldiers), "700,000 tonnes of rice" (700000 /
 * tonnes), "12,000 DPRK troops" (12000 / troops), "$5bn" (5e9 / dollars), "3.5%" (3.5 / percent).
 *
 * <p>The unit is the first plural noun (or known unit) after the number, within three words that may be
 * names or adjectives ("North Korean", "DPRK", "ballistic"); no punctuation may come between. Dates ("June
 * 18"), model numbers ("Hwasong-11") and numbers followed by a verb ("1999 has") are not quantities.
 */
public final class QuantityExtractor {

    private static final int MAX_MODIFIERS = 3;
    private static final Map<String, Double> SCALES = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9,
            "trillion", 1e12, "bn", 1e9, "m", 1e6, "mn", 1e6, "k", 1e3, "tn", 1e12);
    /** Looked up from the token's chars: most numbers ask about both neighbours, and a String each cost more than the rest. */
    private static final CharArraySet MONTHS = new CharArraySet(List.of("january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec"), false);
    /** Units and plural nouns that do not end in "s". */
    private static final Set<String> UNITS = Set.of("people", "men", "women", "children", "servicemen",
            "personnel", "police", "staff", "tonnes", "tonne", "ton", "tons", "km", "kg", "mph", "percent", "cent",
            "metres", "meters", "miles", "mile", "kilometres", "kilometers", "barrels", "litres", "liters", "hectares",
            "acres", "aircraft", "cattle", "sheep", "fish", "livestock", "youth", "gigawatts", "megawatts", "mw", "gw",
            "feet", "ft", "degrees", "celsius", "bpd", "teeth", "geese", "mice");
    /** Units after which "of X" says what is measured ("700,000 tonnes of rice"). */
    private static final Set<String> MEASURES = Set.of("tonnes", "tonne", "tons", "ton", "barrels", "litres",
            "liters", "kg", "kilograms", "hectares", "acres", "cubic", "bags", "gallons", "pounds");
    /** Words that end in "s" but are not what a number counts. */
    private static final Set<String> NOT_UNITS = Set.of("has", "was", "is", "as", "its", "this", "his", "hers",
            "yes", "does", "plus", "less", "thus", "us", "across", "perhaps", "always", "sometimes", "besides",
            "towards", "afterwards", "whereas", "unless", "news", "series", "headquarters", "means", "ours");
    private static final Map<Character, String> CURRENCIES = Map.of('$', "dollars", '£', "pounds", '€', "euros",
            '¥', "yen");

    /** Units that count the same thing, merged in a quantity's subject ("soldiers" and "troops"). */
    private static final Map<String, String> SAME_THING = Map.ofEntries(Map.entry("soldiers", "troops"),
            Map.entry("servicemen", "troops"), Map.entry("servicemembers", "troops"), Map.entry("personnel", "troops"),
            Map.entry("forces", "troops"), Map.entry("fighters", "troops"), Map.entry("deaths", "dead"),
            Map.entry("fatalities", "dead"), Map.entry("casualties", "dead"), Map.entry("persons", "people"),
            Map.entry("tons", "tonnes"), Map.entry("tonne", "tonnes"), Map.entry("ton", "tonnes"),
            Map.entry("metres", "meters"), Map.entry("kilometres", "kilometers"), Map.entry("litres", "liters"));
    /** Words after a unit that say whose it is: "troops from North Korea", "soldiers of Ukraine". */
    private static final Set<String> OWNER_WORDS = Set.of("from", "of");

    /** The quantities of the article, in order, each (value, unit) once, without subjects' entities. */
    public List<Quantity> extract(AnalyzedText text) {
        return extract(text, i -> null);
    }

    /**
     * The quantities of the article, in order, each (value, unit, subject) once.
     *
     * @param entityAt the id of the entity a token belongs to, or null: what makes "DPRK troops" and
     *                 "North Korean soldiers" the same subject
     */
    public List<Quantity> extract(AnalyzedText text, IntFunction<String> entityAt) {
        List<Quantity> found = new ArrayList<>();
        Set<Claim> seen = null;
        for (int i = 0; i < text.size(); i++) {
            if (!text.is(i, AnalyzedText.NUMBER) || partOfName(text, i) || isDate(text, i)) {
                continue;
            }
            Quantity quantity = quantityAt(text, i, entityAt);
            if (quantity == null) {
                continue;
            }
            if (seen == null) {
                seen = new HashSet<>();
            }
            if (seen.add(new Claim(quantity.value(), quantity.unit(), quantity.subject()))) {
                found.add(quantity);
            }
        }
        return found;
    }

    /** What makes two quantities the same claim (a record compares its doubles as {@link Double#compare} does). */
    private record Claim(double value, String unit, String subject) {
    }

    private Quantity quantityAt(AnalyzedText text, int i, IntFunction<String> entityAt) {
        String token = text.lower(i);
        int digits = 0;
        while (digits < token.length() && (Character.isDigit(token.charAt(digits)) || token.charAt(digits) == ','
                || token.charAt(digits) == '.')) {
            digits++;
        }
        double value;
        try {
            value = Double.parseDouble(token.substring(0, digits).replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        String suffix = token.substring(digits);
        int last = i;
        if (!suffix.isEmpty()) {
            Double scale = SCALES.get(suffix);
            if (scale == null) {
                return null;
            }
            value *= scale;
        } else if (i + 1 < text.size() && text.joinedToNext(i) && SCALES.containsKey(text.lower(i + 1))) {
            value *= SCALES.get(text.lower(i + 1));
            last = i + 1;
        }
        String before = text.gapBefore(i);
        String currency = before.isEmpty() ? null : CURRENCIES.get(before.charAt(before.length() - 1));
        if (currency != null) {
            return new Quantity(value, currency, text.substring(text.start(i) - 1, text.end(last)));
        }
        if (text.gapAfter(last).startsWith("%")) {
            return new Quantity(value, "percent", text.substring(text.start(i), text.end(last) + 1));
        }
        return countedNoun(text, i, last, value, entityAt);
    }

    private Quantity countedNoun(AnalyzedText text, int first, int last, double value, IntFunction<String> entityAt) {
        for (int k = last + 1; k <= last + 1 + MAX_MODIFIERS && k < text.size(); k++) {
            if (!text.joinedToNext(k - 1) && !"-".equals(text.gapBefore(k).strip())) {
                return null;
            }
            if (!text.is(k, AnalyzedText.ALPHA) || text.is(k, AnalyzedText.STOP)) {
                return null;
            }
            String word = text.lower(k);
            if (!text.is(k, AnalyzedText.CAPITALISED) && isUnit(word)) {
                int end = ofWhat(text, k, word);
                String unit = "per".equals(word) || "cent".equals(word) ? "percent" : word;
                return new Quantity(value, unit, text.substring(text.start(first), text.end(end)),
                        subject(text, last + 1, k, unit, entityAt));
            }
        }
        return null;
    }

    /**
     * What the number counts, normalised: the entity named among its modifiers ("DPRK troops") or right after
     * it ("troops from North Korea"), then the unit with its synonyms merged: {@code north-korea troops}.
     */
    private static String subject(AnalyzedText text, int firstModifier, int unit, String word,
                                  IntFunction<String> entityAt) {
        String owner = null;
        for (int k = firstModifier; k < unit && owner == null; k++) {
            owner = entityAt.apply(k);
        }
        if (owner == null && unit + 2 < text.size() && text.joinedToNext(unit) && text.joinedToNext(unit + 1)
                && OWNER_WORDS.contains(text.lower(unit + 1))) {
            owner = entityAt.apply(unit + 2);
        }
        String thing = SAME_THING.getOrDefault(word, word);
        return owner == null ? thing : owner + " " + thing;
    }

    /** "tonnes of rice": extends the text to what is measured. */
    private static int ofWhat(AnalyzedText text, int unit, String word) {
        if (MEASURES.contains(word) && unit + 2 < text.size() && text.joinedToNext(unit) && text.joinedToNext(unit + 1)
                && "of".equals(text.lower(unit + 1)) && text.is(unit + 2, AnalyzedText.ALPHA)
                && !text.is(unit + 2, AnalyzedText.STOP)) {
            return unit + 2;
        }
        return unit;
    }

    private static boolean isUnit(String word) {
        if (UNITS.contains(word)) {
            return true;
        }
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("ous") && !NOT_UNITS.contains(word);
    }

    /** "Hwasong-11", "Rossiya 1": a number glued to a capitalised word is part of a name. */
    private static boolean partOfName(AnalyzedText text, int i) {
        if (i == 0) {
            return false;
        }
        String gap = text.gapBefore(i);
        boolean glued = gap.isEmpty() || "-".equals(gap);
        return (glued && text.is(i - 1, AnalyzedText.ALPHA))
                || (" ".equals(gap) && text.is(i - 1, AnalyzedText.CAPITALISED) && !text.is(i - 1, AnalyzedText.STOP)
                && !text.lowerIn(MONTHS, i - 1) && !sentenceStartWord(text, i - 1));
    }

    private static boolean sentenceStartWord(AnalyzedText text, int i) {
        String gap = text.gapBefore(i);
        return i == 0 || gap.contains(".") || gap.contains("\n");
    }

    private static boolean isDate(AnalyzedText text, int i) {
        return (i > 0 && text.lowerIn(MONTHS, i - 1)) || (i + 1 < text.size() && text.lowerIn(MONTHS, i + 1));
    }
}
