package io.newswire.streams.tagging.keyphrases;

import io.newswire.streams.tagging.AtomicWrite;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Which words are not nouns, as a part-of-speech tagged reference corpus uses them most often: verbs and
 * adverbs ("sees", "poses", "assisting", "already"), which end a noun phrase, and adjectives and participles ("nuclear",
 * "armed"), which may start one but not end it. A word not listed is taken for a noun. This is what keeps
 * keyphrases to noun phrases ("moscow" and "troops", never "moscow sees") without a tagger at run time.
 *
 * <p>On disk, UTF-8 text: {@code # newswire word classes 1}, {@code # source: …}, then one
 * {@code word<TAB>V|J} a line ({@code V}: verb, adverb or other non-noun; {@code J}: adjective or participle).
 */
public final class WordClasses {

    static final String MAGIC = "# newswire word classes 1";
    static final String DEFAULT_RESOURCE = "/io/newswire/streams/tagging/keyphrases/word-classes.tsv";
    /** A word's class is kept when the corpus has it at least this often. */
    private static final int MIN_COUNT = 3;
    private static final int MAX_WORDS = 1_000_000;

    private final CharArraySet breaking;
    private final CharArraySet modifiers;
    private final Map<String, Character> classes;
    private final String source;

    public WordClasses(Map<String, Character> classes, String source) {
        this.classes = Map.copyOf(classes);
        this.source = source;
        this.breaking = new CharArraySet(16, false);
        this.modifiers = new CharArraySet(16, false);
        classes.forEach((word, c) -> (c == 'J' ? modifiers : breaking).add(word));
    }

    /** Verbs, adverbs and the like: never part of a noun phrase. */
    public CharArraySet breaking() {
        return breaking;
    }

    /** Adjectives and participles: inside a noun phrase, never at its end. */
    public CharArraySet modifiers() {
        return modifiers;
    }

    /** Counts Penn Treebank tags per lowercased word, then {@link #build} keeps each word's usual class. */
    public static final class Builder {
        private final Map<String, int[]> counts = new HashMap<>();

        /** One token of the corpus with its part-of-speech tag ("NNS", "VBZ", "JJ"…). */
        public void observe(String word, String tag) {
            int coarse = switch (tag.length() >= 2 ? tag.substring(0, 2) : tag) {
                case "NN", "CD", "FW" -> 0;
                case "VB" -> tag.equals("VBN") ? 2 : 1;
                case "JJ" -> 2;
                default -> 1;
            };
            if (tag.equals("MD")) {
                coarse = 1;
            }
            counts.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> new int[3])[coarse]++;
        }

        public WordClasses build(String source) {
            Map<String, Character> classes = new HashMap<>();
            counts.forEach((word, c) -> {
                int total = c[0] + c[1] + c[2];
                if (total >= MIN_COUNT && word.chars().allMatch(Character::isLetter)) {
                    if (c[1] > c[0] && c[1] >= c[2]) {
                        classes.put(word, 'V');
                    } else if (c[2] > c[0] && c[2] > c[1]) {
                        classes.put(word, 'J');
                    }
                }
            });
            return new WordClasses(classes, source);
        }
    }

    public static WordClasses defaultClasses() {
        try (InputStream in = WordClasses.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the word classes " + DEFAULT_RESOURCE + " are missing from the jar");
            }
            return read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WordClasses read(InputStream in, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!MAGIC.equals(reader.readLine())) {
            throw new IllegalArgumentException(name + " is not a newswire word-class file");
        }
        Map<String, Character> classes = new HashMap<>();
        String source = "";
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith("# source: ")) {
                source = line.substring("# source: ".length()).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int tab = line.indexOf('\t');
                if (tab <= 0 || line.length() != tab + 2 || "VJ".indexOf(line.charAt(tab + 1)) < 0
                        || classes.size() >= MAX_WORDS) {
                    throw new IllegalArgumentException(name + " line " + number + ": expected word<TAB>V or word<TAB>J");
                }
                classes.put(line.substring(0, tab), line.charAt(tab + 1));
            }
        }
        return new WordClasses(classes, source);
    }

    public void write(Path file) throws IOException {
        AtomicWrite.write(file, temporary -> {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(MAGIC + "\n# source: " + source + "\n");
                for (Map.Entry<String, Character> entry : new TreeMap<>(classes).entrySet()) {
                    out.write(entry.getKey() + "\t" + entry.getValue() + "\n");
                }
            }
        });
    }

    public int size() {
        return classes.size();
    }
}
