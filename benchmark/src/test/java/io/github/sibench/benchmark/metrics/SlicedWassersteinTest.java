package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.stats.Gaussian2;
import org.junit.jupiter.api.Test;

class SlicedWassersteinTest {

    private static final int N = 4000;
    private static final int DIRECTIONS = 128;
    private static final double DX = 0.6;
    private static final double DY = -0.8; // |delta|^2 = 1

    /**
     * Two independent n-point sets of the same law: the 1D empirical W2^2 between them shrinks like C/n
     * (up to a log factor; Bobkov and Ledoux 2019), while a random, unsorted pairing would give the whole
     * mean projected variance tr(S)/2 twice over. For the seed toy, C is about 6 tr(S)/2 (mean over 20
     * seed pairs at n = 500 ... 16,000, worst pair below 17/n); we allow 40/n tr(S)/2, i.e. 1% at
     * n = 4,000. An unsorted or mis-indexed implementation gives about 200%.
     */
    @Test
    void independentTrueSampleSetsAreClose() {
        double[] a = SeedToySamples.sample(N, 11);
        double[] b = SeedToySamples.sample(N, 12);
        Gaussian2 s = SeedToySamples.TOY.exactMoments();
        double halfTrace = (s.sxx() + s.syy()) / 2;
        double sw = SlicedWasserstein.distance(a, b, DIRECTIONS);
        System.out.printf("SW2 of two true sets: %.5f (SW2^2 / (tr S / 2) = %.2e)%n", sw, sw * sw / halfTrace);
        assertTrue(sw * sw < 40.0 / N * halfTrace, "SW2 of two independent true sets: " + sw);
        assertEquals(0, SlicedWasserstein.distance(a, a, DIRECTIONS), 0.0);
        assertEquals(sw, SlicedWasserstein.distance(b, a, DIRECTIONS), 1e-12, "symmetric");
    }

    /**
     * A shift delta of one set: for each direction theta the 1D W2^2 grows by
     * {@code (theta.delta)^2 + 2 (theta.delta) theta.(mean_a - mean_b)} (sorting is shift-invariant),
     * and over L >= 2 evenly spaced directions on the half circle the mean of {@code theta theta^T} is
     * exactly I/2. Hence, exactly, {@code SW^2(a + delta, b) = SW^2(a, b) + |delta|^2/2 + delta.(mean_a - mean_b)}.
     */
    @Test
    void shiftAddsHalfTheSquaredShiftExactly() {
        double[] a = SeedToySamples.sample(N, 21);
        double[] b = SeedToySamples.sample(N, 22);
        double sw0 = SlicedWasserstein.distance(a, b, DIRECTIONS);
        double sw = SlicedWasserstein.distance(SeedToySamples.shift(a, DX, DY), b, DIRECTIONS);
        double[] ma = SeedToySamples.mean(a);
        double[] mb = SeedToySamples.mean(b);
        double cross = DX * (ma[0] - mb[0]) + DY * (ma[1] - mb[1]);
        assertEquals(sw0 * sw0 + 0.5 + cross, sw * sw, 1e-9);
        // with L = 2 directions the identity still holds; it is the mean over the directions that is exact
        double sw2 = SlicedWasserstein.distance(SeedToySamples.shift(a, DX, DY), b, 2);
        double sw20 = SlicedWasserstein.distance(a, b, 2);
        assertEquals(sw20 * sw20 + 0.5 + cross, sw2 * sw2, 1e-9);
    }

    /**
     * Against sampling error only: {@code SW ~ sqrt(|delta|^2 / 2)}. From the identity above,
     * {@code |SW^2 - |delta|^2/2| <= SW^2(a, b) + |delta.(mean_a - mean_b)|}, and the cross term has
     * standard deviation {@code sqrt(2 delta^T S delta / n)}; we allow four of them.
     */
    @Test
    void shiftGivesRootHalfSquaredShift() {
        double[] a = SeedToySamples.sample(N, 31);
        double[] b = SeedToySamples.sample(N, 32);
        double sw0 = SlicedWasserstein.distance(a, b, DIRECTIONS);
        double sw = SlicedWasserstein.distance(SeedToySamples.shift(a, DX, DY), b, DIRECTIONS);
        double tol = sw0 * sw0 + 4 * Math.sqrt(2 * SeedToySamples.quadratic(DX, DY) / N);
        System.out.printf("SW2 shifted: %.4f, expected %.4f (tolerance on the square %.4f)%n", sw, Math.sqrt(0.5), tol);
        assertEquals(0.5, sw * sw, tol);
    }

    @Test
    void rejectsSetsOfDifferentSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> SlicedWasserstein.distance(new double[4], new double[6], 8));
        assertThrows(IllegalArgumentException.class,
                () -> SlicedWasserstein.distance(new double[3], new double[3], 8));
    }
}
