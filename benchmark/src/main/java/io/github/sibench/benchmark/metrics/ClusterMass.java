package io.github.sibench.benchmark.metrics;

/**
 * Per-cluster mass of generated points against the true class weights (SPEC section 5): each point is
 * assigned to the class of largest posterior responsibility under the exact mixture; the error of class
 * k is {@code fraction_k - weight_k}, and the total variation {@code (1/2) sum_k |fraction_k - weight_k|}
 * summarises them (0: every cluster has its mass; 1 - w_k: everything fell into cluster k).
 */
public final class ClusterMass {

    private ClusterMass() {}

    /** Fraction of points assigned to each class. */
    public static double[] fractions(int[] classes, int numClasses) {
        double[] f = new double[numClasses];
        for (int c : classes) {
            if (c >= 0) {
                f[c] += 1.0 / classes.length;
            }
        }
        return f;
    }

    /** Total variation distance between two probability vectors. */
    public static double totalVariation(double[] p, double[] q) {
        double tv = 0;
        for (int k = 0; k < p.length; k++) {
            tv += Math.abs(p[k] - q[k]);
        }
        return tv / 2;
    }
}
