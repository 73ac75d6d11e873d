package io.newswire.streams.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Json;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A first, simple tagger: a small keyword taxonomy ({@code taxonomy.json}); a topic applies when its
 * keywords occur, as whole words, at least {@code minHits} times in the title and body.
 */
public final class KeywordTagger implements Tagger {

    public static final String DEFAULT_TAXONOMY = "/io/newswire/streams/tagging/taxonomy.json";

    private record TopicRule(String id, List<String[]> phrases, int minHits) {
    }

    /** One keyword phrase of one rule (by index into {@link #rules}). */
    private record Phrase(int rule, String[] words) {
    }

    private final List<TopicRule> rules;
    /**
     * Every phrase under its first word. Tagging looks each word of the text up once, instead of trying
     * every phrase at every position: the per-phrase scan was 60 % of the Streams thread's CPU in the
     * bench profile (JFR), and this makes tagging cost linear in the text, not in text × taxonomy.
     */
    private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();

    private KeywordTagger(List<TopicRule> rules) {
        this.rules = List.copyOf(rules);
        for (int r = 0; r < this.rules.size(); r++) {
            for (String[] phrase : this.rules.get(r).phrases()) {
                if (phrase.length > 0) {
                    phrasesByFirstWord.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(new Phrase(r, phrase));
                }
            }
        }
    }

    /** The taxonomy shipped in the jar. */
    public static KeywordTagger withDefaultTaxonomy() {
        try (InputStream in = KeywordTagger.class.getResourceAsStream(DEFAULT_TAXONOMY)) {
            if (in == null) {
                throw new IllegalStateException("taxonomy resource missing: " + DEFAULT_TAXONOMY);
            }
            return fromJson(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_TAXONOMY, e);
        }
    }

    static KeywordTagger fromJson(JsonNode root) {
        List<TopicRule> rules = new ArrayList<>();
        for (JsonNode topic : root.path("topics")) {
            List<String[]> phrases = new ArrayList<>();
            for (JsonNode keyword : topic.path("keywords")) {
                phrases.add(tokens(keyword.asText()));
            }
            rules.add(new TopicRule(topic.path("id").asText(), phrases, topic.path("minHits").asInt(2)));
        }
        return new KeywordTagger(rules);
    }

    @Override
    public Tags tag(Article article) {
        String[] words = tokens((article.title() == null ? "" : article.title()) + " "
                + (article.body() == null ? "" : article.body()));
        int[] hits = new int[rules.size()];
        for (int i = 0; i < words.length; i++) {
            List<Phrase> candidates = phrasesByFirstWord.get(words[i]);
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                int end = i + phrase.words().length;
                if (end <= words.length && Arrays.equals(words, i, end, phrase.words(), 0, phrase.words().length)) {
                    hits[phrase.rule()]++;
                }
            }
        }
        List<TopicScore> topics = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            if (hits[r] >= rules.get(r).minHits()) {
                topics.add(new TopicScore(rules.get(r).id(), hits[r]));
            }
        }
        topics.sort(Comparator.comparingDouble(TopicScore::score).reversed());
        return Tags.topicsOnly(topics);
    }


    /**
     * The lowercase runs of letters and digits ({@code \\p{L}}, {@code \\p{N}}) of the text. A hand-written
     * scan rather than a regex split: the split was the tagger's second hot spot in the bench profile.
     */
    static String[] tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(lower.length() / 5 + 1);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            if (isWordChar(c)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words.toArray(new String[0]);
    }

    private static boolean isWordChar(int c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
