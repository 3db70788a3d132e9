package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The unbiased MMD^2 against a direct transcription of Gretton et al.'s eq. 3. */
class RbfMmdTest {

    private static double[] points(int n, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xy = new double[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = scale * rng.nextGaussian();
        }
        return xy;
    }

    private static double k(double[] a, int i, double[] b, int j, double s) {
        double dx = a[2 * i] - b[2 * j];
        double dy = a[2 * i + 1] - b[2 * j + 1];
        return Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
    }

    /** The three sums of eq. 3 with their own loops, each kernel value computed from scratch. */
    private static double direct(double[] x, double[] y, double s) {
        int m = x.length / 2;
        int n = y.length / 2;
        double xx = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                xx += i == j ? 0 : k(x, i, x, j, s);
            }
        }
        double yy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                yy += i == j ? 0 : k(y, i, y, j, s);
            }
        }
        double xy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                xy += k(x, i, y, j, s);
            }
        }
        return xx / (m * (m - 1.0)) + yy / (n * (n - 1.0)) - 2 * xy / ((double) m * n);
    }

    /** Sets of different sizes and spreads: every bandwidth agrees with eq. 3 to rounding. */
    @Test
    void matchesTheDirectFormula() {
        double[] ref = points(37, 1, 1.0);
        double[] gen = points(23, 2, 1.5);
        double[] sigmas = {0.1, 0.3, 1.0, 5.0};
        double[] got = new RbfMmd(ref, sigmas).squared(gen);
        for (int s = 0; s < sigmas.length; s++) {
            double want = direct(gen, ref, sigmas[s]);
            assertEquals(want, got[s], 1e-13 * Math.max(1, Math.abs(want)), "sigma " + sigmas[s]);
        }
    }

    /** Far-apart sets at a small bandwidth: the cross term underflows to 0 and MMD^2 is the two self terms, 2 for k = 1 within. */
    @Test
    void disjointTightSetsGiveTwo() {
        double[] ref = {0, 0, 0, 0, 0, 0};
        double[] gen = {100, 100, 100, 100};
        assertEquals(2.0, new RbfMmd(ref, 0.1).squared(gen)[0], 1e-15);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new RbfMmd(new double[] {0, 0}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new RbfMmd(new double[4], 0.0));
        assertThrows(IllegalArgumentException.class, () -> new RbfMmd(new double[4]));
        assertThrows(IllegalArgumentException.class, () -> new RbfMmd(new double[4], 1.0).squared(new double[3]));
    }
}
