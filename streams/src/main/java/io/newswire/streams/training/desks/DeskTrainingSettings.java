package io.newswire.streams.training.desks;

import io.newswire.streams.tagging.desks.DeskModel;
import java.util.Locale;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.TrainingParameters;

/**
 * How a desk model is trained. Both algorithms are OpenNLP's maximum entropy (multinomial logistic
 * regression) trainers, run on one thread so that the same data and seed give the same model.
 *
 * @param algorithm {@code MAXENT_QN} (L-BFGS with L2 regularisation, the default) or {@code MAXENT} (GIS)
 * @param iterations training iterations (GIS) or the maximum number of function evaluations (QN)
 * @param cutoff a feature must occur in at least this many training articles to be kept
 * @param l2Cost the L2 penalty of QN; ignored by GIS
 * @param seed shuffles the training articles and the cross-validation folds
 */
public record DeskTrainingSettings(String algorithm, int iterations, int cutoff, double l2Cost, long seed) {

    public static final String QN = QNTrainer.MAXENT_QN_VALUE;
    public static final String GIS = GISTrainer.MAXENT_VALUE;
    public static final int DEFAULT_ITERATIONS = 300;
    /**
     * Features seen in fewer than 3 articles are dropped: on the BBC corpus (5 folds, with Lucene's English
     * analysis of the time) cutoff 2 scored 0.9739 with a 4.7 MB model, 3 scored 0.9735 with 2.0 MB and 5
     * scored 0.9726 with 0.9 MB; a smaller table loads faster and keeps more of itself in the CPU caches.
     */
    public static final int DEFAULT_CUTOFF = 3;
    /**
     * On the tagger's own analysis (shared with the taxonomy since the desks stopped analysing articles a
     * second time), 5 folds on the BBC corpus at cutoff 3: L2 0.25 scores 0.9744, 0.5 and 1.0 score 0.9726.
     */
    public static final double DEFAULT_L2 = 0.25;

    public DeskTrainingSettings {
        algorithm = algorithm.toUpperCase(Locale.ROOT);
        if (!algorithm.equals(QN) && !algorithm.equals(GIS)) {
            throw new IllegalArgumentException("unknown algorithm " + algorithm + " (use " + QN + " or " + GIS + ")");
        }
        if (iterations < 1 || cutoff < 1 || l2Cost < 0) {
            throw new IllegalArgumentException("iterations and cutoff must be ≥ 1 and the L2 cost ≥ 0");
        }
    }

    /** The settings that reach the accuracy target on the BBC corpus (see README, "Learned desks"). */
    public static DeskTrainingSettings defaults(long seed) {
        return new DeskTrainingSettings(QN, DEFAULT_ITERATIONS, DEFAULT_CUTOFF, DEFAULT_L2, seed);
    }

    /** OpenNLP's parameters for these settings. */
    TrainingParameters parameters() {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        // One thread: with several, QN sums gradients in an order that varies from run to run.
        params.put(TrainingParameters.THREADS_PARAM, 1);
        // In memory: the default two-pass indexer writes a temporary file per training run.
        params.put("DataIndexer", "OnePass");
        if (algorithm.equals(QN)) {
            params.put(QNTrainer.MAX_FCT_EVAL_PARAM, iterations);
            params.put(QNTrainer.L1COST_PARAM, 0.0);
            params.put(QNTrainer.L2COST_PARAM, l2Cost);
        } else {
            params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        }
        return params;
    }

    /** A stable text of every setting that shapes the model, part of the model version. */
    String canonical() {
        return String.format(Locale.ROOT, "algorithm=%s iterations=%d cutoff=%d l2=%s seed=%d features=%s",
                algorithm, iterations, cutoff, Double.toString(l2Cost), seed, DeskModel.FEATURE_SCHEME);
    }
}
