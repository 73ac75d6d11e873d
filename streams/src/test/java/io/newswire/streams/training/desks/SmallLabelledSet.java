package io.newswire.streams.training.desks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small labelled corpus made up here: four desks, each with its own vocabulary, plus words all share. */
public final class SmallLabelledSet {

    public static final Map<String, List<String>> VOCABULARY = Map.of(
            "business", List.of("shares", "profit", "market", "bank", "investors", "company", "economy", "growth",
                    "sales", "prices", "quarterly", "earnings"),
            "sport", List.of("match", "goal", "striker", "league", "coach", "season", "win", "team", "cup", "player",
                    "championship", "referee"),
            "tech", List.of("software", "computer", "internet", "phone", "users", "digital", "technology", "online",
                    "chip", "broadband", "gadget", "network"),
            "politics", List.of("election", "minister", "party", "vote", "government", "parliament", "campaign",
                    "policy", "labour", "tory", "voters", "cabinet"));
    private static final List<String> COMMON = List.of("said", "year", "people", "new", "week", "told", "last", "first");

    private SmallLabelledSet() {
    }

    /** {@code perDesk} articles per desk, the same ones for the same seed. */
    public static List<LabelledArticle> articles(int perDesk, long seed) {
        Random random = new Random(seed);
        List<LabelledArticle> articles = new ArrayList<>();
        for (String desk : List.of("business", "politics", "sport", "tech")) {
            for (int i = 0; i < perDesk; i++) {
                articles.add(new LabelledArticle(desk + "-" + i, sentence(desk, 5, random), sentence(desk, 40, random), desk));
            }
        }
        return articles;
    }

    private static String sentence(String desk, int words, Random random) {
        List<String> vocabulary = VOCABULARY.get(desk);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            // Two in three words from the desk's own vocabulary, the rest shared by every desk.
            List<String> from = random.nextInt(3) < 2 ? vocabulary : COMMON;
            text.append(from.get(random.nextInt(from.size()))).append(w % 10 == 9 ? ". " : " ");
        }
        return text.toString().strip();
    }
}
