package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.plane.ClassRegions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Component coverage on the seed toy (741 components of weight 1/741). */
class ComponentCoverageTest {

    private static final GaussianMixture2D TOY = SeedToySamples.TOY;
    private static final ComponentCoverage COVERAGE = new ComponentCoverage(TOY);

    private static double[] weights() {
        double[] w = new double[TOY.numComponents()];
        for (int k = 0; k < w.length; k++) {
            w[k] = TOY.weight(k);
        }
        return w;
    }

    /** The assignment is the mixture's own nearest component, and off-support exactly where its class regions say. */
    @Test
    void assignmentIsTheMixturesNearestComponent() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 5000;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = -3 + 7 * rng.nextDouble();
            xy[2 * i + 1] = -1.5 + 8 * rng.nextDouble();
        }
        int[] a = COVERAGE.assign(xy);
        int off = 0;
        for (int i = 0; i < n; i++) {
            int c = TOY.classOf(xy[2 * i], xy[2 * i + 1]);
            if (c == ClassRegions.OFF_SUPPORT) {
                assertEquals(-1, a[i]);
                off++;
            } else {
                assertEquals(TOY.nearestComponent(xy[2 * i], xy[2 * i + 1]), a[i]);
                assertEquals(c, TOY.label(a[i]));
            }
        }
        assertTrue(off > n / 2 && off < n, "uniform points over the box: most but not all off-support, got " + off);
    }

    /** A point at each of the first 10 means covers those 10 components: 10/741; none covers nothing. */
    @Test
    void pointsAtMeansCoverExactlyTheirComponents() {
        double[] xy = new double[20];
        for (int k = 0; k < 10; k++) {
            xy[2 * k] = TOY.gaussian(k).mx();
            xy[2 * k + 1] = TOY.gaussian(k).my();
        }
        assertEquals(10.0 / 741, COVERAGE.coverage(xy), 1e-15);
        assertEquals(0.0, COVERAGE.coverage(new double[] {50, 50}));
    }

    /**
     * n = 4,000 true samples: {@code E = sum_k w_k (1 - (1 - w_k)^n) = 1 - (740/741)^4000 = 0.9955}; the
     * emptiness indicators of a multinomial are negatively correlated, so the standard deviation is at most
     * {@code sqrt(sum_k w_k^2 p_k (1 - p_k))} with {@code p_k = (1 - w_k)^n}, here 0.0025; we allow four. The
     * nearest-mean cells do not hold exactly {@code w_k} of the mass (their probabilities range over 0.86 to
     * 1.25 times w_k, measured with 400,000 samples), which lowers the exact expectation by only 1.4e-4.
     */
    @Test
    void trueSamplesCoverNearTheExpectation() {
        int n = 4000;
        double[] w = weights();
        double expected = ComponentCoverage.expectedForTrueSamples(w, n);
        assertEquals(1 - Math.pow(740.0 / 741, n), expected, 1e-12);
        double var = 0;
        for (double wk : w) {
            double p = Math.pow(1 - wk, n);
            var += wk * wk * p * (1 - p);
        }
        double got = COVERAGE.coverage(SeedToySamples.sample(n, 4242));
        System.out.printf("component_coverage of %d true samples: %.4f (expected %.4f, sd at most %.4f)%n", n, got,
                expected, Math.sqrt(var));
        assertEquals(expected, got, 4 * Math.sqrt(var));
    }

    /** The general expectation: a cell that never receives points contributes nothing; q = 1 on one cell gives its weight. */
    @Test
    void expectedCoverageFormula() {
        double[] w = {0.5, 0.3, 0.2};
        assertEquals(0.5, ComponentCoverage.expectedCoverage(w, new double[] {1, 0, 0}, 10), 1e-15);
        assertEquals(0.5 * (1 - 0.125) + 0.3 * (1 - Math.pow(0.7, 3)) + 0.2 * (1 - Math.pow(0.8, 3)),
                ComponentCoverage.expectedForTrueSamples(w, 3), 1e-15);
    }
}
