package io.github.sibench.benchmark.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.random.SeedTree;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /**
     * Coverage of the true mean by the 95% percentile interval of a normal sample's mean, over R = 400
     * independent samples of n = 40. The count covering is Binomial(R, c) with c the true coverage, whose
     * standard error is sqrt(0.95 * 0.05 / R) = 0.011; the percentile interval of the mean is the normal
     * interval shrunk by about sqrt((n - 1) / n) and with z instead of t, so c is about 0.94 at n = 40. The
     * band [0.94 - 4 se, 0.95 + 4 se] fails with probability below 1e-4 for a correct implementation, while
     * an interval at the wrong level (e.g. 90%, or quantiles of the data instead of the mean) falls outside.
     */
    @Test
    void percentileIntervalCoversTheMeanAboutNinetyFivePercent() {
        int reps = 400;
        int n = 40;
        SplittableRandom data = new SplittableRandom(7);
        int covered = 0;
        for (int r = 0; r < reps; r++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 3 + 2 * data.nextGaussian();
            }
            Bootstrap.Interval ci = Bootstrap.percentile(n, idx -> Bootstrap.mean(x, idx), 400, 0.95,
                    SeedTree.root(r));
            if (ci.contains(3)) {
                covered++;
            }
        }
        double coverage = (double) covered / reps;
        double se = Math.sqrt(0.95 * 0.05 / reps);
        assertTrue(coverage > 0.94 - 4 * se && coverage < 0.95 + 4 * se, "coverage " + coverage);
    }

    /**
     * The squared mean of n normal draws estimates mu^2 with bias sigma^2 / n, like a Frechet distance between
     * a fitted and a fixed Gaussian. At mu = 0 (the true distance 0, a perfect model) the plain percentile
     * interval lies above 0 for every continuous sample (no replicate is exactly 0), so it never covers;
     * the bias-corrected one reaches 0 unless the sample mean is far out. Away from the boundary (mu = 1,
     * bias 0.025 against a spread of 0.32) it covers like a 95% interval: band as in the test above.
     */
    @Test
    void biasCorrectedIntervalCoversABiasedNonnegativeStatistic() {
        int reps = 400;
        int n = 40;
        double[] coverage = new double[2];
        int plainAtZero = 0;
        for (int k = 0; k < 2; k++) {
            double mu = k;
            SplittableRandom data = new SplittableRandom(11 + k);
            int covered = 0;
            for (int r = 0; r < reps; r++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = mu + data.nextGaussian();
                }
                java.util.function.ToDoubleFunction<int[]> square = idx -> Math.pow(Bootstrap.mean(x, idx), 2);
                Bootstrap.Interval ci = Bootstrap.biasCorrected(n, square, 400, 0.95, SeedTree.root(r));
                assertTrue(ci.low() >= 0 && ci.low() <= ci.high());
                if (ci.contains(mu * mu)) {
                    covered++;
                }
                if (k == 0 && Bootstrap.percentile(n, square, 400, 0.95, SeedTree.root(r)).contains(0)) {
                    plainAtZero++;
                }
            }
            coverage[k] = (double) covered / reps;
        }
        double se = Math.sqrt(0.95 * 0.05 / reps);
        assertEquals(0, plainAtZero, "the plain percentile interval never reaches a true 0");
        assertTrue(coverage[0] > 0.95 - 4 * se, "coverage at mu = 0: " + coverage[0]);
        assertTrue(coverage[1] > 0.94 - 4 * se && coverage[1] < 0.95 + 4 * se, "coverage at mu = 1: " + coverage[1]);
    }

    @Test
    void replicatesAreSeededAndIndependentOfTheirCount() {
        double[] x = {1, 5, 2, 8, 3};
        double[] a = Bootstrap.replicates(5, idx -> Bootstrap.mean(x, idx), 50, SeedTree.root(1));
        double[] b = Bootstrap.replicates(5, idx -> Bootstrap.mean(x, idx), 80, SeedTree.root(1));
        assertArrayEquals(a, java.util.Arrays.copyOf(b, 50));
        Bootstrap.Interval ci = Bootstrap.percentile(5, idx -> Bootstrap.mean(x, idx), 200, 0.9,
                SeedTree.root(1));
        assertEquals(3.8, ci.estimate(), 1e-12);
        assertTrue(ci.low() >= 1 && ci.high() <= 8 && ci.low() < ci.estimate() && ci.estimate() < ci.high());
    }

    @Test
    void quantileInterpolatesOrderStatistics() {
        double[] v = {4, 1, 3, 2};
        assertEquals(1, Bootstrap.quantile(v, 0), 0);
        assertEquals(2.5, Bootstrap.quantile(v, 0.5), 1e-15);
        assertEquals(4, Bootstrap.quantile(v, 1), 0);
    }
}
