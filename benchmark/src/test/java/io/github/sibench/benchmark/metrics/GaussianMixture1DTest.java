package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixture1DTest {

    private static final double MU = 0.7;
    private static final double S = 1.3;

    /** One cell: its mean is the mean and V the variance, so W2^2 to one point c is (mu - c)^2 + s^2. */
    @Test
    void oneCellOfAGaussian() {
        GaussianMixture1D g = new GaussianMixture1D(new double[] {1}, new double[] {MU}, new double[] {S});
        GaussianMixture1D.Cells cells = g.cells(1);
        assertArrayEquals(new double[] {MU}, cells.means(), 1e-15);
        assertEquals(S * S, cells.withinVariance(), 1e-13);
        assertEquals((MU - 2) * (MU - 2) + S * S, cells.w2Squared(new double[] {2}), 1e-13);
    }

    /**
     * Two cells split at the median: the half-normal means are {@code mu -+ s sqrt(2/pi)}, so V = s^2 (1 - 2/pi)
     * and, for two points a < b, {@code W2^2 = ((mu - a)^2 + (mu - b)^2)/2 + s^2 - 2 s phi(0) (b - a)}.
     */
    @Test
    void twoCellsOfAGaussian() {
        GaussianMixture1D g = new GaussianMixture1D(new double[] {2}, new double[] {MU}, new double[] {S});
        GaussianMixture1D.Cells cells = g.cells(2);
        double half = S * Math.sqrt(2 / Math.PI);
        assertArrayEquals(new double[] {MU - half, MU + half}, cells.means(), 1e-13);
        assertEquals(S * S * (1 - 2 / Math.PI), cells.withinVariance(), 1e-13);
        double a = -0.4;
        double b = 3.1;
        double expected = 0.5 * ((MU - a) * (MU - a) + (MU - b) * (MU - b)) + S * S
                - 2 * S / Math.sqrt(2 * Math.PI) * (b - a);
        assertEquals(expected, cells.w2Squared(new double[] {a, b}), 1e-12);
    }

    /**
     * A three-component mixture of very different widths with a wide gap (so that some quantile levels
     * fall where F is flat to 1e-17): cell means and W2^2 to a point set against a computation that shares
     * nothing with the implementation: quantiles by bisection on the series/continued-fraction CDF, the
     * integrals {@code int x f} and {@code int (x - p)^2 f} over each cell by composite Simpson on the
     * density written with Math.exp (step s_min/400 = 5e-5: error {@code h^4 max|f''''| L / 180}, about
     * 1e-12 here).
     */
    @Test
    void cellsAndDistanceMatchAnIndependentQuadrature() {
        double[] w = {0.5, 0.3, 0.2};
        double[] mu = {-5, 0.2, 6};
        double[] s = {0.5, 0.02, 1.0};
        GaussianMixture1D g = new GaussianMixture1D(w, mu, s);
        for (int n : new int[] {3, 10, 50}) {
            GaussianMixture1D.Cells cells = g.cells(n);
            double[] p = new SplittableRandom(n).doubles(n, -7, 8).sorted().toArray();
            double[] q = new double[n + 1];
            q[0] = -5 - 12 * 0.5;
            q[n] = 6 + 12 * 1.0;
            for (int i = 1; i < n; i++) {
                q[i] = referenceQuantile(w, mu, s, (double) i / n);
            }
            double w2 = 0;
            for (int i = 0; i < n; i++) {
                double[] m = simpson(w, mu, s, q[i], q[i + 1], p[i]);
                assertEquals(1.0 / n, m[0], 1e-11, "cell mass");
                assertEquals(n * m[1], cells.means()[i], 1e-9, "n = " + n + ", cell " + i);
                w2 += m[2];
            }
            assertEquals(w2, cells.w2Squared(p), 1e-9 * Math.max(1, w2), "n = " + n);
        }
    }

    private static double referenceQuantile(double[] w, double[] mu, double[] s, double level) {
        double lo = -20;
        double hi = 20;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double f = 0;
            for (int k = 0; k < w.length; k++) {
                f += w[k] * StandardNormal.cdfReference((mid - mu[k]) / s[k]);
            }
            if (f < level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** {mass, int x f, int (x - p)^2 f} over [a, b] by composite Simpson, with a step of at most 1/400 of the smallest std. */
    private static double[] simpson(double[] w, double[] mu, double[] s, double a, double b, double p) {
        int m = 2 * (int) Math.ceil((b - a) / (2 * 0.02 / 400) + 1);
        double h = (b - a) / m;
        double[] sum = new double[3];
        for (int j = 0; j <= m; j++) {
            double x = a + j * h;
            double f = 0;
            for (int k = 0; k < w.length; k++) {
                double z = (x - mu[k]) / s[k];
                f += w[k] * Math.exp(-0.5 * z * z) / (s[k] * Math.sqrt(2 * Math.PI));
            }
            double c = j == 0 || j == m ? 1 : j % 2 == 1 ? 4 : 2;
            sum[0] += c * f;
            sum[1] += c * x * f;
            sum[2] += c * (x - p) * (x - p) * f;
        }
        for (int i = 0; i < 3; i++) {
            sum[i] *= h / 3;
        }
        return sum;
    }

    /** The cells are ordered, their mean is the mixture's mean, and their mass is exactly 1/n each. */
    @Test
    void cellMeansAreOrderedAndAverageToTheMean() {
        GaussianMixture1D g = new GaussianMixture1D(new double[] {1, 2, 3}, new double[] {-1, 0, 2},
                new double[] {0.1, 0.5, 0.003});
        GaussianMixture1D.Cells cells = g.cells(4000);
        double[] c = cells.means();
        double[] sorted = c.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, c);
        assertEquals(g.mean(), Arrays.stream(c).average().orElseThrow(), 1e-12);
        // E[X^2] = V + (1/n) sum c_i^2 by construction; V is the cost of the best n-point approximation
        assertTrue(cells.withinVariance() > 0 && cells.withinVariance() < 1e-4, "V " + cells.withinVariance());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture1D(new double[] {1}, new double[] {0},
                new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture1D(new double[0], new double[0],
                new double[0]));
        GaussianMixture1D g = new GaussianMixture1D(new double[] {1}, new double[] {0}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> g.cells(0));
        assertThrows(IllegalArgumentException.class, () -> g.cells(3).w2Squared(new double[2]));
    }
}
