package io.github.sibench.benchmark.metrics;

/**
 * Cluster coverage, a recall-type metric over the classes (the seed toy's three clusters): the fraction of
 * the C classes that receive at least half of their true mass share,
 *
 * <pre>  cluster_coverage = (1/C) #{c : f_c >= W_c / 2}</pre>
 *
 * with {@code f_c} the fraction of all generated points assigned to class c by the dataset's class regions
 * (off-support points count in no class; see {@link ClusterMass#fractions}) and {@code W_c} the true class
 * weight. For n true samples {@code f_c} is a binomial proportion with standard error
 * {@code sqrt(W_c (1 - W_c) / n)}, far below {@code W_c / 2} (at n = 4,000 on the seed toy, about 0.007
 * against 0.14), so the value is 1; points from one cluster only give {@code 1/C}. Unlike
 * {@code mass_tv}, it does not move with small mass errors: it counts dropped (or badly starved) modes.
 */
public final class ClusterCoverage {

    /** A class is covered when it receives at least this fraction of its true weight. */
    public static final double MIN_SHARE = 0.5;

    private ClusterCoverage() {}

    /** {@code (1/C) #{c : f_c >= W_c / 2}} for class fractions f and true weights w. */
    public static double of(double[] f, double[] w) {
        if (f.length != w.length) {
            throw new IllegalArgumentException("need as many fractions as weights, got " + f.length + " and " + w.length);
        }
        int covered = 0;
        for (int c = 0; c < f.length; c++) {
            covered += f[c] >= MIN_SHARE * w[c] ? 1 : 0;
        }
        return covered / (double) f.length;
    }
}
