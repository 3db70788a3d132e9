package io.github.sibench.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class Gaussian2Test {

    @Test
    void identicalGaussiansAreAtDistanceZero() {
        Gaussian2 g = new Gaussian2(1, -2, 2, 0.7, 0.5);
        assertEquals(0, g.frechet(g), 1e-9);
    }

    @Test
    void meanShiftAddsSquaredNorm() {
        Gaussian2 a = new Gaussian2(0, 0, 2, 0.7, 0.5);
        Gaussian2 b = new Gaussian2(3, 4, 2, 0.7, 0.5);
        assertEquals(25, a.frechet(b), 1e-9);
    }

    /** For commuting (here diagonal) covariances, the distance is the sum of (sqrt(a) - sqrt(b))^2. */
    @Test
    void diagonalCovariancesMatchTheClosedForm() {
        Gaussian2 a = new Gaussian2(0, 0, 4, 0, 1);
        Gaussian2 b = new Gaussian2(0, 0, 1, 0, 9);
        assertEquals(1 + 4, a.frechet(b), 1e-9);
        assertEquals(a.frechet(b), b.frechet(a), 1e-12);
    }

    /** A rotated pair: W2 is rotation invariant, so rotating both changes nothing. */
    @Test
    void rotationInvariance() {
        double c = Math.cos(0.6);
        double s = Math.sin(0.6);
        Gaussian2 a = rotate(new Gaussian2(1, 0, 4, 0, 1), c, s);
        Gaussian2 b = rotate(new Gaussian2(0, 2, 1, 0, 9), c, s);
        assertEquals(1 + 4 + 1 + 4, a.frechet(b), 1e-9);
    }

    private static Gaussian2 rotate(Gaussian2 g, double c, double s) {
        // R S R^T for diagonal S = diag(sxx, syy), R = [[c, -s], [s, c]]
        double sxx = c * c * g.sxx() + s * s * g.syy();
        double syy = s * s * g.sxx() + c * c * g.syy();
        double sxy = c * s * (g.sxx() - g.syy());
        return new Gaussian2(c * g.mx() - s * g.my(), s * g.mx() + c * g.my(), sxx, sxy, syy);
    }

    @Test
    void fitRecoversMomentsWithinSamplingError() {
        int n = 50_000;
        SplittableRandom rng = new SplittableRandom(11);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextGaussian();
            double v = rng.nextGaussian();
            xy[2 * i] = 1 + 2 * u;
            xy[2 * i + 1] = -1 + 0.5 * u + v;
        }
        Gaussian2 g = Gaussian2.fit(xy);
        assertEquals(1, g.mx(), 5 * 2 / Math.sqrt(n));
        assertEquals(-1, g.my(), 5 * Math.sqrt(1.25 / n));
        assertEquals(4, g.sxx(), 5 * 4 * Math.sqrt(2.0 / n));
        assertEquals(1, g.sxy(), 5 * Math.sqrt((4 * 1.25 + 1) / n));
        assertEquals(1.25, g.syy(), 5 * 1.25 * Math.sqrt(2.0 / n));
    }

    @Test
    void alignedHasTheRequestedPrincipalStds() {
        Gaussian2 g = Gaussian2.aligned(1, 2, 3, 4, 0.5, 0.01);
        assertEquals(0.5, g.maxStd(), 1e-12);
        assertEquals(0.01, g.minStd(), 1e-12);
        // a step of one along-std along (3, 4)/5 has Mahalanobis length 1, and so has one across-std across
        assertEquals(1.0, g.mahalanobisSquared(0.5 * 0.6, 0.5 * 0.8), 1e-9);
        assertEquals(1.0, g.mahalanobisSquared(-0.01 * 0.8, 0.01 * 0.6), 1e-9);
        assertEquals(0.5 * 0.5 * 0.01 * 0.01, g.det(), 1e-15);
        assertEquals(0.25, g.varianceAlong(0.6, 0.8), 1e-15);
        assertEquals(1e-4, g.varianceAlong(-0.8, 0.6), 1e-15);
        assertEquals(new Gaussian2(1, 2, 4, 0, 4), Gaussian2.isotropic(1, 2, 2));
        assertEquals(new Gaussian2(5, 6, 4, 0, 4), Gaussian2.isotropic(1, 2, 2).withMean(5, 6));
    }

    /** The density at the mean is 1 / (2 pi sqrt(det S)) and falls by exp(-1/2) one Mahalanobis unit away. */
    @Test
    void logDensityIsTheBivariateNormal() {
        Gaussian2 g = new Gaussian2(1, -1, 2, 0.6, 0.5);
        double atMean = -Math.log(2 * Math.PI) - 0.5 * Math.log(2 * 0.5 - 0.36);
        assertEquals(atMean, g.logDensity(1, -1), 1e-14);
        // (dx, 0) has Mahalanobis length^2 dx^2 syy / det
        double dx = Math.sqrt((2 * 0.5 - 0.36) / 0.5);
        assertEquals(atMean - 0.5, g.logDensity(1 + dx, -1), 1e-12);
    }

    /** Semi-definite moments (points on a line) are valid; the density needs positive definite ones. */
    @Test
    void acceptsSemiDefiniteAndRejectsInvalidCovariances() {
        Gaussian2 line = Gaussian2.fit(new double[] {0, 0, 1, 2, 2, 4});
        assertFalse(line.isPositiveDefinite());
        assertEquals(0, line.minStd(), 1e-7);
        assertTrue(new Gaussian2(0, 0, 1, 0.5, 1).isPositiveDefinite());
        assertMessage(() -> new Gaussian2(0, 0, 1, 2, 1), "not positive semi-definite");
        assertMessage(() -> new Gaussian2(0, 0, -1, 0, 1), "not positive semi-definite");
        assertMessage(() -> new Gaussian2(Double.NaN, 0, 1, 0, 1), "must be finite");
        assertMessage(() -> new Gaussian2(0, 0, 1, 0, Double.POSITIVE_INFINITY), "must be finite");
        assertMessage(() -> Gaussian2.aligned(0, 0, 0, 0, 1, 1), "non-zero");
        assertMessage(() -> Gaussian2.fit(new double[] {1, 2}), "at least 2 points");
    }

    private static void assertMessage(Executable e, String fragment) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }
}
