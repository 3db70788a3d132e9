package io.github.sibench.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.random.SeedTree;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KidTest {

    private static double[][] sample(SplittableRandom rng, int n, int d, double shift) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = shift + rng.nextGaussian() + 0.5 * rng.nextDouble();
            }
        }
        return x;
    }

    /**
     * Unbiasedness: over R independent pairs of samples from one distribution, the mean estimate is 0 up
     * to its standard error s / sqrt(R) (s the sample std of the R estimates); 4 standard errors make a
     * false failure a 6e-5 event. A biased V-statistic (i = j terms kept) would sit about
     * (E k(x,x) - E k(x,y)) (1/m + 1/n) above 0, many standard errors away.
     */
    @Test
    void meanOverRepetitionsIsZeroForOneDistribution() {
        SplittableRandom rng = new SplittableRandom(17);
        int reps = 400;
        double sum = 0;
        double sum2 = 0;
        for (int r = 0; r < reps; r++) {
            double v = Kid.mmd2(sample(rng, 30, 4, 0), sample(rng, 40, 4, 0));
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / reps;
        double sd = Math.sqrt((sum2 - reps * mean * mean) / (reps - 1));
        double se = sd / Math.sqrt(reps);
        assertTrue(Math.abs(mean) < 4 * se, "mean " + mean + " se " + se);
        assertTrue(se > 0);
    }

    @Test
    void shiftedDistributionsArePositiveAndSubsetsAreSeeded() {
        SplittableRandom rng = new SplittableRandom(19);
        double[][] x = sample(rng, 200, 8, 0);
        double[][] y = sample(rng, 200, 8, 0.5);
        double full = Kid.mmd2(x, y);
        Kid.Estimate e = Kid.subsets(x, y, 20, 100, SeedTree.root(4));
        assertTrue(full > 0 && e.mean() > 0, full + " " + e);
        assertTrue(e.mean() > 4 * e.std() / Math.sqrt(20), e.toString());
        assertEquals(e, Kid.subsets(x, y, 20, 100, SeedTree.root(4)));
        assertTrue(e.mean() != Kid.subsets(x, y, 20, 100, SeedTree.root(5)).mean());
        assertThrows(IllegalArgumentException.class, () -> Kid.subsets(x, y, 2, 201, SeedTree.root(4)));
    }

    @Test
    void symmetricInItsArguments() {
        SplittableRandom rng = new SplittableRandom(23);
        double[][] x = sample(rng, 20, 3, 0);
        double[][] y = sample(rng, 25, 3, 1);
        assertEquals(Kid.mmd2(x, y), Kid.mmd2(y, x), 1e-12);
    }
}
