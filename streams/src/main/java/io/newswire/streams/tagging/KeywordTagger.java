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
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A first, simple tagger: a small keyword taxonomy ({@code taxonomy.json}); a topic applies when its
 * keywords occur, as whole words, at least {@code minHits} times in the title and body.
 */
public final class KeywordTagger implements Tagger {

    public static final String DEFAULT_TAXONOMY = "/io/newswire/streams/tagging/taxonomy.json";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private record TopicRule(String id, List<String[]> phrases, int minHits) {
    }

    private final List<TopicRule> rules;

    private KeywordTagger(List<TopicRule> rules) {
        this.rules = List.copyOf(rules);
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
        List<TopicScore> topics = new ArrayList<>();
        for (TopicRule rule : rules) {
            int hits = 0;
            for (String[] phrase : rule.phrases()) {
                hits += occurrences(words, phrase);
            }
            if (hits >= rule.minHits()) {
                topics.add(new TopicScore(rule.id(), hits));
            }
        }
        topics.sort(Comparator.comparingDouble(TopicScore::score).reversed());
        return Tags.topicsOnly(topics);
    }

    private static int occurrences(String[] words, String[] phrase) {
        int count = 0;
        for (int i = 0; i + phrase.length <= words.length; i++) {
            if (Arrays.equals(words, i, i + phrase.length, phrase, 0, phrase.length)) {
                count++;
            }
        }
        return count;
    }

    private static String[] tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        return lower.isEmpty() ? new String[0] : NON_WORD.split(lower);
    }
}
