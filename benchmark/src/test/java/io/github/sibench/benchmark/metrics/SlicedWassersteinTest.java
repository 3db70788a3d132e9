package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.mixture.GaussianMixture2D.Component;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact estimator (against the mixture) and the two-sample estimator. */
class SlicedWassersteinTest {

    private static final int N = 4000;
    private static final int DIRECTIONS = 128;
    private static final double DX = 0.6;
    private static final double DY = -0.8; // |delta|^2 = 1

    /**
     * A single isotropic Gaussian N(m, s^2 I) against n points all at c: each projection is N(theta.m, s^2)
     * against an atom at theta.c, so {@code W2^2_theta = (theta.(m - c))^2 + s^2} and, the directions
     * averaging theta theta^T to I/2 exactly, {@code SW^2 = |m - c|^2 / 2 + s^2}, for any n.
     */
    @Test
    void singleGaussianAgainstOnePointHasTheClosedForm() {
        GaussianMixture2D g = new GaussianMixture2D("one", List.of(new Component(1, Gaussian2.isotropic(1, -2, 0.3), 0)));
        SlicedWasserstein sw = new SlicedWasserstein(g, 16);
        for (int n : new int[] {1, 7, 1000}) {
            double[] points = new double[2 * n];
            for (int i = 0; i < n; i++) {
                points[2 * i] = 0.5;
                points[2 * i + 1] = 0.2;
            }
            double d2 = (0.5 * 0.5 + 2.2 * 2.2) / 2 + 0.09;
            assertEquals(Math.sqrt(d2), sw.distance(points), 1e-12, "n = " + n);
        }
    }

    /**
     * Shifting the points by delta shifts every sorted projection by theta.delta, so per direction
     * {@code W2^2 = V + (1/n) sum (c_i - p_i - theta.delta)^2} grows by
     * {@code (theta.delta)^2 - 2 (theta.delta) theta.(m - mean(p))} (the cell means average to theta.m); over
     * the directions, exactly: {@code SW^2(y + delta) = SW^2(y) + |delta|^2/2 + delta.(mean(y) - m)}.
     */
    @Test
    void exactShiftIdentity() {
        SlicedWasserstein sw = new SlicedWasserstein(SeedToySamples.TOY, DIRECTIONS);
        double[] a = SeedToySamples.sample(N, 41);
        double[] ma = SeedToySamples.mean(a);
        Gaussian2 m = SeedToySamples.TOY.exactMoments();
        double cross = DX * (ma[0] - m.mx()) + DY * (ma[1] - m.my());
        double sw0 = sw.distance(a);
        double sw1 = sw.distance(SeedToySamples.shift(a, DX, DY));
        assertEquals(sw0 * sw0 + 0.5 + cross, sw1 * sw1, 1e-9);
    }

    /**
     * True samples against the exact seed toy score about 1/sqrt(n). Measured over 20 seeds at 64
     * directions, {@code n SW^2 / (tr S / 2)} grows slowly with n (2.7 at n = 250, 3.3 at 4,000, 6.1 at
     * 16,000: SW2 falls like n^-0.43, the slow part coming from the gaps between clusters in some
     * projections), and one seed's SW^2 has a relative spread of about 65%, the largest single value being
     * below 17 tr(S)/2 / n. We check (i) that the mean SW^2 of 4 seeds stays below 15 tr(S)/2 / n at
     * n = 1,000 and 16,000, and (ii) that it falls by a factor between 16^0.5 = 4 and 16^1.2 = 28 from
     * n = 1,000 to 16,000 (measured 10.9).
     */
    @Test
    void trueSamplesScoreAboutOneOverRootN() {
        Gaussian2 s = SeedToySamples.TOY.exactMoments();
        double halfTrace = (s.sxx() + s.syy()) / 2;
        SlicedWasserstein sw = new SlicedWasserstein(SeedToySamples.TOY, 64);
        double[] mean = new double[2];
        int[] sizes = {1000, 16000};
        int seeds = 4;
        for (int j = 0; j < 2; j++) {
            for (int r = 0; r < seeds; r++) {
                double d = sw.distance(SeedToySamples.sample(sizes[j], 100 * j + r));
                mean[j] += d * d / seeds;
            }
            System.out.printf("exact SW2^2 of true samples, n = %d: %.3e (n SW^2 / (tr S / 2) = %.2f)%n", sizes[j],
                    mean[j], sizes[j] * mean[j] / halfTrace);
            assertTrue(mean[j] < 15 * halfTrace / sizes[j], "n = " + sizes[j] + ": " + mean[j]);
        }
        double ratio = mean[0] / mean[1];
        assertTrue(ratio > 4 && ratio < Math.pow(16, 1.2), "SW^2 ratio from n = 1,000 to 16,000: " + ratio);
    }

    /** The quantile cells of 256 directions for n = 4,000 (seed toy, 741 components) are computed once, then reused. */
    @Test
    void exactDistanceIsFastAndCached() {
        long start = System.nanoTime();
        SlicedWasserstein sw = new SlicedWasserstein(SeedToySamples.TOY, 256);
        double first = sw.distance(SeedToySamples.sample(N, 5));
        double setup = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        double again = sw.distance(SeedToySamples.sample(N, 5));
        double reuse = (System.nanoTime() - start) / 1e9;
        System.out.printf("exact SW2, 4000 points x 256 directions x 741 components: first %.2f s, then %.3f s%n",
                setup, reuse);
        assertEquals(first, again, 0.0);
        assertTrue(reuse < setup, "the cells are reused");
    }

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
