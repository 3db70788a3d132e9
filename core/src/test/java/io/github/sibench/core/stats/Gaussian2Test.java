package io.github.sibench.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

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
}
