package io.newswire.streams.tagging.entities.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A named-entity file in CoNLL format: one token a line, its word in the first column and its BIO tag
 * ({@code B-PER}, {@code I-LOC}, {@code O}…) in the last; a blank line ends a sentence and
 * {@code -DOCSTART-} a document. Read as passages of a few consecutive sentences of one document, so that
 * the model sees sentence ends and starts as an article has them.
 */
public final class ConllCorpus {

    /** Sentences per passage. */
    static final int SENTENCES_PER_PASSAGE = 6;
    private static final int MAX_LINE = 10_000;

    /** A few sentences: their tokens and tags, in order. */
    public record Passage(List<String> words, List<String> tags, int sentences) {
    }

    private ConllCorpus() {
    }

    public static List<Passage> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CoNLL file not found: " + file);
        }
        List<Passage> passages = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int sentences = 0;
        boolean inSentence = false;
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.startsWith("-DOCSTART-")) {
                    sentences += inSentence ? 1 : 0;
                    inSentence = false;
                    flush(passages, words, tags, sentences);
                    sentences = 0;
                    continue;
                }
                if (trimmed.isEmpty()) {
                    if (inSentence) {
                        sentences++;
                        inSentence = false;
                        if (sentences == SENTENCES_PER_PASSAGE) {
                            flush(passages, words, tags, sentences);
                            sentences = 0;
                        }
                    }
                    continue;
                }
                if (line.length() > MAX_LINE) {
                    throw new IllegalArgumentException(file + " line " + number + " is too long for a CoNLL token line");
                }
                String[] columns = trimmed.split("\\s+");
                if (columns.length < 2) {
                    throw new IllegalArgumentException(file + " line " + number + ": expected a word and a tag, found '"
                            + trimmed + "'");
                }
                words.add(columns[0]);
                tags.add(columns[columns.length - 1]);
                inSentence = true;
            }
        }
        flush(passages, words, tags, sentences + (inSentence ? 1 : 0));
        return passages;
    }

    private static void flush(List<Passage> passages, List<String> words, List<String> tags, int sentences) {
        if (!words.isEmpty()) {
            passages.add(new Passage(List.copyOf(words), List.copyOf(tags), sentences));
        }
        words.clear();
        tags.clear();
    }

    /**
     * The names of a passage as {@code start:end:TYPE} over its token indexes (end inclusive), only persons,
     * organisations and locations; an {@code I-} tag after another type starts a name, as in CoNLL's IOB1.
     */
    public static List<String> names(Passage passage) {
        List<String> names = new ArrayList<>();
        int start = -1;
        String type = null;
        List<String> tags = passage.tags();
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String tagType = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : null;
            boolean continues = tagType != null && tag.startsWith("I-") && tagType.equals(type);
            if (start >= 0 && !continues) {
                if (NameLabels.typeOf(type) >= 0) {
                    names.add(start + ":" + (i - 1) + ":" + type);
                }
                start = -1;
                type = null;
            }
            if (tagType != null && !continues) {
                start = i;
                type = tagType;
            }
        }
        return names;
    }
}
