package io.newswire.streams.training.desks;

import io.newswire.streams.tagging.desks.DeskModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How well desk predictions match the labels: accuracy, per-desk precision, recall and F1, and the
 * confusion matrix (rows: the label, columns: the prediction). Evaluations of several folds add up.
 */
public final class DeskEvaluation {

    private final List<String> categories;
    private final long[][] counts;

    private DeskEvaluation(List<String> categories) {
        this.categories = List.copyOf(categories);
        this.counts = new long[categories.size()][categories.size()];
    }

    /** Classifies each article with the model and compares with its label. */
    public static DeskEvaluation of(DeskModel model, List<LabelledArticle> articles) {
        TreeSet<String> all = new TreeSet<>(model.categories());
        articles.forEach(a -> all.add(a.category()));
        DeskEvaluation evaluation = new DeskEvaluation(new ArrayList<>(all));
        for (LabelledArticle article : articles) {
            evaluation.add(article.category(), model.classify(article.title(), article.body()).category());
        }
        return evaluation;
    }

    /** The sum of two evaluations (of two folds, for example). */
    public DeskEvaluation plus(DeskEvaluation other) {
        TreeSet<String> all = new TreeSet<>(categories);
        all.addAll(other.categories);
        DeskEvaluation sum = new DeskEvaluation(new ArrayList<>(all));
        sum.addAll(this);
        sum.addAll(other);
        return sum;
    }

    private void addAll(DeskEvaluation other) {
        for (int g = 0; g < other.categories.size(); g++) {
            for (int p = 0; p < other.categories.size(); p++) {
                counts[categories.indexOf(other.categories.get(g))][categories.indexOf(other.categories.get(p))]
                        += other.counts[g][p];
            }
        }
    }

    private void add(String label, String predicted) {
        counts[categories.indexOf(label)][categories.indexOf(predicted)]++;
    }

    public List<String> categories() {
        return categories;
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long n : row) {
                total += n;
            }
        }
        return total;
    }

    public long correct() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        return correct;
    }

    public double accuracy() {
        return total() == 0 ? 0 : (double) correct() / total();
    }

    /** How many articles labelled {@code label} were predicted as {@code predicted}. */
    public long count(String label, String predicted) {
        return counts[categories.indexOf(label)][categories.indexOf(predicted)];
    }

    public double precision(String category) {
        int c = categories.indexOf(category);
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    public double recall(String category) {
        int c = categories.indexOf(category);
        long labelled = 0;
        for (long n : counts[c]) {
            labelled += n;
        }
        return labelled == 0 ? 0 : (double) counts[c][c] / labelled;
    }

    public double f1(String category) {
        double p = precision(category);
        double r = recall(category);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        return categories.stream().mapToDouble(this::f1).average().orElse(0);
    }

    /** Accuracy, the per-desk table and the confusion matrix, as plain text tables. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "accuracy %.4f (%d/%d), macro F1 %.4f%n%n", accuracy(), correct(), total(), macroF1());
        int width = Math.max("category".length(), categories.stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s  %9s  %6s  %6s  %7s%n";
        out.printf(Locale.ROOT, row, "category", "precision", "recall", "F1", "support");
        out.printf(Locale.ROOT, row, "-".repeat(width), "-".repeat(9), "-".repeat(6), "-".repeat(6), "-".repeat(7));
        for (int c = 0; c < categories.size(); c++) {
            String category = categories.get(c);
            long support = 0;
            for (long n : counts[c]) {
                support += n;
            }
            out.printf(Locale.ROOT, row, category, String.format(Locale.ROOT, "%.4f", precision(category)),
                    String.format(Locale.ROOT, "%.4f", recall(category)), String.format(Locale.ROOT, "%.4f", f1(category)),
                    support);
        }
        out.println();
        out.println("confusion matrix (rows: label, columns: predicted)");
        int cell = Math.max(width, 6);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", ""));
        for (String category : categories) {
            header.append(String.format(Locale.ROOT, "  %" + cell + "s", category));
        }
        out.println(header);
        for (int g = 0; g < categories.size(); g++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", categories.get(g)));
            for (int p = 0; p < categories.size(); p++) {
                line.append(String.format(Locale.ROOT, "  %" + cell + "d", counts[g][p]));
            }
            out.println(line);
        }
    }
}
