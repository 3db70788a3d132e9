package io.github.sibench.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.stats.Gaussian2;

/** Statistical assertions whose tolerances come from the sample size (a number of standard errors). */
public final class SampleStatistics {

    /** Tolerance in standard errors. */
    public static final double Z = 5.0;

    private SampleStatistics() {}

    /**
     * Asserts that the sample mean and covariance of the n points {@code xy} (row-major) match the
     * exact moments within {@link #Z} standard errors. The standard error of a mean is
     * {@code sqrt(C_ii / n)}; that of a covariance entry is the sample std of
     * {@code (a - m_a)(b - m_b)} over sqrt(n).
     */
    public static void assertMomentsMatch(double[] xy, Gaussian2 exact, String what) {
        int n = xy.length / 2;
        double mx = exact.mx();
        double my = exact.my();
        double[] cov = {exact.sxx(), exact.sxy(), exact.sxy(), exact.syy()};
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += xy[2 * i];
            sy += xy[2 * i + 1];
        }
        assertWithin(sx / n, mx, Math.sqrt(cov[0] / n), what + " mean x");
        assertWithin(sy / n, my, Math.sqrt(cov[3] / n), what + " mean y");
        int[][] pairs = {{0, 0}, {0, 1}, {1, 1}};
        double[] centre = {mx, my};
        for (int[] p : pairs) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double v = (xy[2 * i + p[0]] - centre[p[0]]) * (xy[2 * i + p[1]] - centre[p[1]]);
                s += v;
                s2 += v * v;
            }
            double mean = s / n;
            double se = Math.sqrt(Math.max(s2 / n - mean * mean, 0) / n);
            assertWithin(mean, cov[2 * p[0] + p[1]], se, what + " covariance[" + p[0] + "][" + p[1] + "]");
        }
    }

    /** Asserts that the frequency of count among n trials matches p within Z binomial standard errors. */
    public static void assertFrequency(long count, int n, double p, String what) {
        assertWithin((double) count / n, p, Math.sqrt(p * (1 - p) / n), what);
    }

    /** Asserts {@code |estimate - exact| <= Z se}. */
    public static void assertWithin(double estimate, double exact, double se, String what) {
        assertTrue(Math.abs(estimate - exact) <= Z * se,
                what + ": estimate " + estimate + " vs exact " + exact + " (" + Z + " standard errors = " + Z * se + ")");
    }
}
