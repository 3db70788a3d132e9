package io.github.sibench.benchmark.ranking;

import java.util.List;
import java.util.Map;

/**
 * Whether the ranking of the top models on the toy carries over to the image dataset (SPEC section 6).
 *
 * <p>Statistics over the models of the image ranking (all of which must be in the toy ranking):
 * Kendall's tau-b and Spearman's rho between the two rankings' competition ranks (ties as declared by the
 * paired bootstrap of {@link Ranking}), and the agreement probability {@code p} =
 * {@link RankCorrelation#agreementProbability}: the fraction of bootstrap replicates in which tau-b between
 * the replicated toy means and the replicated image means is positive.
 *
 * <p><b>Rule</b>, applied in order:
 *
 * <ol>
 *   <li>{@code inconclusive} when no pair of models is separated on the image dataset: the image scores
 *       carry no order to compare with;
 *   <li>{@code inconclusive} when the compared models all share one toy rank (tau is undefined): the toy
 *       carries no order to compare with;
 *   <li>{@code consistent} when {@code tau > 0} and {@code p >= 0.9};
 *   <li>{@code inconsistent} when {@code tau <= 0} and {@code p <= 0.1};
 *   <li>{@code inconclusive} otherwise (the point estimate and the bootstrap do not agree firmly).
 * </ol>
 *
 * Why: a sign of tau is the least that "the ranking carries over" can mean for three models (tau takes only
 * the values -1, -1/3, 1/3, 1), and 0.9 demands that nine in ten replications of the whole experiment
 * (resampled seeds on both sides) keep that sign, symmetrically for disagreement; between the two the
 * evidence is honest about being weak, rather than forcing a yes or no.
 *
 * @param models the compared models, in image-ranking order
 * @param kendallTau tau-b between the toy and image competition ranks (NaN when either ties all)
 * @param spearmanRho rho between the same ranks
 * @param agreementProbability the bootstrap probability that the two orders agree (tau-b > 0)
 * @param resamples bootstrap replicates behind the probability
 * @param verdict the verdict
 * @param reason a one-line reason
 */
public record Consistency(List<String> models, double kendallTau, double spearmanRho,
        double agreementProbability, int resamples, Verdict verdict, String reason) {

    /** Threshold on the agreement probability for a firm verdict. */
    public static final double CONFIDENCE = 0.9;

    /** The outcome. */
    public enum Verdict {
        CONSISTENT, INCONSISTENT, INCONCLUSIVE;

        /** The lower-case label written in reports. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Compares {@code toy} and {@code image} over the image ranking's models, the agreement probability
     * from per-model bootstrap replicates of the oriented means ({@link Ranking#bootstrapMeans}) of both.
     */
    public static Consistency assess(Ranking toy, Ranking image, Map<String, double[]> toyReplicates,
            Map<String, double[]> imageReplicates) {
        List<String> models = image.entries().stream().map(Ranking.Entry::model).toList();
        if (models.size() < 2) {
            throw new IllegalArgumentException("consistency: need at least 2 models in the image ranking");
        }
        int m = models.size();
        double[] toyRanks = new double[m];
        double[] imageRanks = new double[m];
        double[][] a = new double[m][];
        double[][] b = new double[m][];
        for (int i = 0; i < m; i++) {
            String name = models.get(i);
            toyRanks[i] = toy.entry(name).rank();
            imageRanks[i] = image.entry(name).rank();
            a[i] = require(toyReplicates, name, "toy");
            b[i] = require(imageReplicates, name, "image");
        }
        double tau = RankCorrelation.kendallTauB(toyRanks, imageRanks);
        double rho = RankCorrelation.spearmanRho(toyRanks, imageRanks);
        double p = RankCorrelation.agreementProbability(a, b);
        Verdict verdict;
        String reason;
        String stats = String.format(java.util.Locale.ROOT, "tau=%.3f, p(agree)=%.3f", tau, p);
        if (!image.anySeparated()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "image scores not separated: every pair of models is tied at 95% (" + stats + ")";
        } else if (Double.isNaN(tau)) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "toy scores not separated: the compared models share one toy rank (" + stats + ")";
        } else if (tau > 0 && p >= CONFIDENCE) {
            verdict = Verdict.CONSISTENT;
            reason = "orders agree: " + stats + " >= " + CONFIDENCE;
        } else if (!(tau > 0) && p <= 1 - CONFIDENCE) {
            verdict = Verdict.INCONSISTENT;
            reason = "orders disagree: " + stats + " <= " + String.format(java.util.Locale.ROOT, "%.1f",
                    1 - CONFIDENCE);
        } else {
            verdict = Verdict.INCONCLUSIVE;
            reason = "evidence not firm: " + stats + " between the thresholds or against the sign of tau";
        }
        return new Consistency(models, tau, rho, p, a[0].length, verdict, reason);
    }

    private static double[] require(Map<String, double[]> reps, String name, String side) {
        double[] r = reps.get(name);
        if (r == null) {
            throw new IllegalArgumentException("consistency: no " + side + " replicates for model '" + name
                    + "'");
        }
        return r;
    }
}
