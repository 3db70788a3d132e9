package io.github.sibench.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureGaussianTest {

    private static double[][] gaussianSample(SplittableRandom rng, int n, int k, double shift) {
        double[][] x = new double[n][k];
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                row[j] = shift + (1 + 0.1 * j) * rng.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        double[][] x = gaussianSample(new SplittableRandom(3), 200, 64, 0);
        assertEquals(0, FeatureGaussian.frechet(x, x), 1e-8);
    }

    /** Commuting covariances Q diag(a) Q^T and Q diag(b) Q^T: FD = |dmu|^2 + sum (sqrt a - sqrt b)^2. */
    @Test
    void commutingCovariancesMatchTheClosedForm() {
        SplittableRandom rng = new SplittableRandom(5);
        int k = 12;
        double[][] q = SymmetricEigen.of(SymmetricEigenTest.randomPsd(rng, k, k + 3)).vectors();
        double[] a = new double[k];
        double[] b = new double[k];
        double[] m1 = new double[k];
        double[] m2 = new double[k];
        double expected = 0;
        for (int i = 0; i < k; i++) {
            a[i] = 0.1 + 3 * rng.nextDouble();
            b[i] = i == 0 ? 0 : 0.1 + 3 * rng.nextDouble(); // one singular direction
            m1[i] = rng.nextGaussian();
            m2[i] = rng.nextGaussian();
            expected += Math.pow(Math.sqrt(a[i]) - Math.sqrt(b[i]), 2) + Math.pow(m1[i] - m2[i], 2);
        }
        FeatureGaussian g1 = new FeatureGaussian(m1, conjugate(q, a));
        FeatureGaussian g2 = new FeatureGaussian(m2, conjugate(q, b));
        // The singular direction turns a rounding eigenvalue of order k eps |S| into sqrt of it (~1e-7) in
        // the trace: the exact-arithmetic answer is reached to about sqrt(eps), not eps.
        assertEquals(expected, g1.frechet(g2), 1e-6);
        assertEquals(expected, g2.frechet(g1), 1e-6);
    }

    private static double[][] conjugate(double[][] q, double[] d) {
        int k = d.length;
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < k; l++) {
                    out[i][j] += q[i][l] * d[l] * q[j][l];
                }
            }
        }
        return out;
    }

    @Test
    void agreesWithTheTwoDimensionalClosedFormForNonCommutingCovariances() {
        Gaussian2 a = new Gaussian2(0.3, -1, 2, 0.7, 0.5);
        Gaussian2 b = new Gaussian2(-0.2, 0.4, 0.3, -0.2, 1.5);
        FeatureGaussian fa = new FeatureGaussian(new double[] {0.3, -1}, new double[][] {{2, 0.7}, {0.7, 0.5}});
        FeatureGaussian fb = new FeatureGaussian(new double[] {-0.2, 0.4},
                new double[][] {{0.3, -0.2}, {-0.2, 1.5}});
        assertEquals(a.frechet(b), fa.frechet(fb), 1e-12);
    }

    @Test
    void isSymmetricAndPositiveForDifferentSets() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] x = gaussianSample(rng, 300, 32, 0);
        double[][] y = gaussianSample(rng, 300, 32, 0.5);
        double xy = FeatureGaussian.frechet(x, y);
        double yx = FeatureGaussian.frechet(y, x);
        assertTrue(xy > 32 * 0.25 * 0.5, "mean shift contributes about 8, got " + xy);
        assertEquals(xy, yx, 1e-9 * xy);
    }

    @Test
    void rowMajorInputFitsTheSameGaussian() {
        double[][] x = gaussianSample(new SplittableRandom(2), 10, 3, 1);
        double[] flat = new double[30];
        for (int i = 0; i < 10; i++) {
            System.arraycopy(x[i], 0, flat, 3 * i, 3);
        }
        FeatureGaussian a = FeatureGaussian.fit(x);
        FeatureGaussian b = FeatureGaussian.fit(flat, 3);
        assertEquals(0, a.frechet(b), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> FeatureGaussian.fit(flat, 4));
    }

    /** Rank-deficient covariances (n < k) stay finite, and a set's distance to itself is 0 (timing: FrechetTiming). */
    @Test
    void handlesHighDimensionalRankDeficientFeatures() {
        SplittableRandom rng = new SplittableRandom(13);
        double[][] x = gaussianSample(rng, 100, 256, 0);
        double[][] y = gaussianSample(rng, 100, 256, 0);
        double fd = FeatureGaussian.frechet(x, y);
        assertTrue(Double.isFinite(fd) && fd > 0, "fd " + fd);
        assertEquals(0, FeatureGaussian.frechet(x, x), 1e-6 * fd);
    }
    /** The W^T S2 W route equals the textbook tr (S1^(1/2) S2 S1^(1/2))^(1/2) for non-commuting covariances. */
    @Test
    void agreesWithTheExplicitSquareRootRoute() {
        SplittableRandom rng = new SplittableRandom(7);
        int k = 40;
        for (int rank : new int[] {10, 60}) {
            FeatureGaussian a = new FeatureGaussian(new double[k], SymmetricEigenTest.randomPsd(rng, k, rank));
            FeatureGaussian b = new FeatureGaussian(new double[k], SymmetricEigenTest.randomPsd(rng, k, k + 5));
            double[][] r1 = FeatureGaussian.sqrtPsd(a.covariance());
            double[][] inner = FeatureGaussian.multiply(FeatureGaussian.multiply(r1, b.covariance()), r1);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < i; j++) {
                    inner[i][j] = inner[j][i];
                }
            }
            double expected = 0;
            for (int i = 0; i < k; i++) {
                expected += a.covariance()[i][i] + b.covariance()[i][i];
            }
            for (double l : SymmetricEigen.valuesOf(inner)) {
                expected -= 2 * Math.sqrt(Math.max(0, l));
            }
            // Rank-deficient S1: rounding eigenvalues of order eps |S| in the null space enter as their square
            // roots (~1e-8 each, k - rank of them), so only sqrt(eps) agreement is expected there.
            double tolerance = rank < k ? 1e-6 : 1e-10;
            assertEquals(expected, a.frechet(b), tolerance * expected, "rank " + rank);
        }
    }
}
