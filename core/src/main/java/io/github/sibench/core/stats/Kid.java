package io.github.sibench.core.stats;

import io.github.sibench.core.random.SeedTree;
import java.util.SplittableRandom;

/**
 * Kernel inception distance (Binkowski, Sutherland, Arbel and Gretton, "Demystifying MMD GANs", 2018): the
 * unbiased estimator of the squared maximum mean discrepancy with the cubic polynomial kernel
 * {@code k(x, y) = (x . y / d + 1)^3} on d-dimensional features,
 *
 * <pre>  MMD_u^2 = sum_{i != j} k(x_i, x_j) / (m (m - 1)) + sum_{i != j} k(y_i, y_j) / (n (n - 1))
 *            - 2 sum_{i, j} k(x_i, y_j) / (m n)</pre>
 *
 * Unbiased: its expectation is the population MMD^2, 0 when both samples come from the same distribution,
 * so single values may be negative. As in the paper, {@link #subsets} averages the estimator over s random
 * subsets of size m of each set (drawn without replacement within a subset), which bounds the cost at
 * {@code O(s m^2 d)} and gives a spread.
 */
public final class Kid {

    private Kid() {
    }

    /** Mean and sample standard deviation of the per-subset estimates (std is 0 for one subset). */
    public record Estimate(double mean, double std, int subsets, int subsetSize) {
    }

    /** The unbiased MMD^2 between all rows of {@code x} (m x d) and of {@code y} (n x d); m, n >= 2. */
    public static double mmd2(double[][] x, double[][] y) {
        int[] ix = identity(x.length);
        int[] iy = identity(y.length);
        return mmd2(x, ix, y, iy);
    }

    /** {@link #mmd2(double[][], double[][])} on row-major matrices with {@code k} features per row. */
    public static double mmd2(double[] x, double[] y, int k) {
        return mmd2(Features.rows(x, k), Features.rows(y, k));
    }

    /**
     * The estimator averaged over {@code subsets} subsets of size {@code subsetSize} of each set, the
     * subset indices drawn from {@code seed.child("kid").child(s)}.
     */
    public static Estimate subsets(double[][] x, double[][] y, int subsets, int subsetSize, SeedTree seed) {
        if (subsets < 1) {
            throw new IllegalArgumentException("kid: subsets must be >= 1, got " + subsets);
        }
        if (subsetSize < 2 || subsetSize > x.length || subsetSize > y.length) {
            throw new IllegalArgumentException("kid: subsetSize must be in [2, min(set sizes) = "
                    + Math.min(x.length, y.length) + "], got " + subsetSize);
        }
        double[] v = new double[subsets];
        SeedTree node = seed.child("kid");
        for (int s = 0; s < subsets; s++) {
            SplittableRandom rng = node.child(s).rng();
            v[s] = mmd2(x, sample(rng, x.length, subsetSize), y, sample(rng, y.length, subsetSize));
        }
        double mean = 0;
        for (double a : v) {
            mean += a;
        }
        mean /= subsets;
        double ss = 0;
        for (double a : v) {
            ss += (a - mean) * (a - mean);
        }
        double std = subsets > 1 ? Math.sqrt(ss / (subsets - 1)) : 0;
        return new Estimate(mean, std, subsets, subsetSize);
    }

    private static double mmd2(double[][] x, int[] ix, double[][] y, int[] iy) {
        int m = ix.length;
        int n = iy.length;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("kid: need at least 2 samples per set, got " + m + " and " + n);
        }
        int d = x[ix[0]].length;
        if (y[iy[0]].length != d) {
            throw new IllegalArgumentException("kid: feature dimensions differ, " + d + " vs " + y[iy[0]].length);
        }
        double kxx = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                kxx += kernel(x[ix[a]], x[ix[b]], d);
            }
        }
        double kyy = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                kyy += kernel(y[iy[a]], y[iy[b]], d);
            }
        }
        double kxy = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < n; b++) {
                kxy += kernel(x[ix[a]], y[iy[b]], d);
            }
        }
        return 2 * kxx / (m * (m - 1.0)) + 2 * kyy / (n * (n - 1.0)) - 2 * kxy / ((double) m * n);
    }

    /** {@code (u . v / d + 1)^3}. */
    static double kernel(double[] u, double[] v, int d) {
        if (u.length != d || v.length != d) {
            throw new IllegalArgumentException("kid: every row must have " + d + " features");
        }
        double dot = 0;
        for (int i = 0; i < d; i++) {
            dot += u[i] * v[i];
        }
        double b = dot / d + 1;
        return b * b * b;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** {@code size} distinct indices of {@code 0..n-1} (partial Fisher-Yates shuffle). */
    public static int[] sample(SplittableRandom rng, int n, int size) {
        int[] all = identity(n);
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, size);
    }
}
