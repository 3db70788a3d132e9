package io.github.sibench.benchmark.metrics;

import io.github.sibench.datasets.plane.ClassRegions;

/**
 * Per-cluster mass of generated points against the true class weights (SPEC section 5). Each point is
 * assigned to a class or to off-support by the dataset's {@link ClassRegions}; with {@code f_k} the
 * fraction of all n points assigned to class k and {@code f_off} the fraction off-support, the error of
 * class k is {@code f_k - W_k}, and the total variation between the distribution
 * {@code (f_0, ..., f_(C-1), f_off)} and {@code (W_0, ..., W_(C-1), 0)},
 * {@code TV = (1/2) (sum_k |f_k - W_k| + f_off)}, summarises them (0: every cluster has its mass and no
 * point is off-support; {@code 1 - W_k}: everything fell into cluster k; 1: everything off-support).
 */
public final class ClusterMass {

    private ClusterMass() {}

    /** Fraction of all points assigned to each class (off-support points count in none). */
    public static double[] fractions(int[] classes, int numClasses) {
        double[] f = new double[numClasses];
        for (int c : classes) {
            if (c != ClassRegions.OFF_SUPPORT) {
                f[c] += 1.0 / classes.length;
            }
        }
        return f;
    }

    /** Fraction of points that are {@link ClassRegions#OFF_SUPPORT}. */
    public static double offSupportFraction(int[] classes) {
        int off = 0;
        for (int c : classes) {
            off += c == ClassRegions.OFF_SUPPORT ? 1 : 0;
        }
        return off / (double) classes.length;
    }

    /** Total variation distance between two probability vectors. */
    public static double totalVariation(double[] p, double[] q) {
        return totalVariation(p, 0, q);
    }

    /** {@code (1/2) (sum_k |f_k - w_k| + off)}: the TV distance with off-support as one more outcome of weight 0. */
    public static double totalVariation(double[] f, double off, double[] w) {
        if (f.length != w.length) {
            throw new IllegalArgumentException("need as many fractions as weights, got " + f.length + " and " + w.length);
        }
        double tv = off;
        for (int k = 0; k < f.length; k++) {
            tv += Math.abs(f[k] - w[k]);
        }
        return tv / 2;
    }
}
