package io.github.sibench.datasets.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.SampleStatistics;
import io.github.sibench.datasets.mixture.GaussianMixture2D.Component;
import io.github.sibench.datasets.plane.ClassRegions;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Vec2;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixture2DTest {

    /** Weights 1 : 3, means (0, 0) and (2, 0), covariances I and [[1, 0.5], [0.5, 4]], labels 0 and 1. */
    private static final GaussianMixture2D TWO = new GaussianMixture2D("two", List.of(
            new Component(1, Gaussian2.isotropic(0, 0, 1), 0),
            new Component(3, new Gaussian2(2, 0, 1, 0.5, 4), 1)));

    /** The bivariate normal log-density written out: {@code -log(2 pi) - log det(C)/2 - d^T C^-1 d / 2}. */
    private static double gaussianLogPdf(double x, double y, Gaussian2 g) {
        double det = g.sxx() * g.syy() - g.sxy() * g.sxy();
        double dx = x - g.mx();
        double dy = y - g.my();
        double quad = (g.syy() * dx * dx - 2 * g.sxy() * dx * dy + g.sxx() * dy * dy) / det;
        return -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * quad;
    }

    @Test
    void weightsAreNormalised() {
        assertEquals(0.25, TWO.component(0).weight(), 1e-15);
        assertEquals(0.75, TWO.component(1).weight(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.75}, TWO.classWeights(), 1e-15);
        assertEquals(2, TWO.numClasses());
        assertEquals(2, TWO.numComponents());
    }

    @Test
    void logDensityIsTheWeightedSumOfGaussianDensities() {
        double x = 0.7;
        double y = -1.3;
        double expected = Math.log(0.25 * Math.exp(gaussianLogPdf(x, y, TWO.component(0).gaussian()))
                + 0.75 * Math.exp(gaussianLogPdf(x, y, TWO.component(1).gaussian())));
        assertEquals(expected, TWO.logDensity(x, y), 1e-13);
        double[] perClass = TWO.logDensityPerClass(x, y);
        assertEquals(Math.log(0.25) + gaussianLogPdf(x, y, Gaussian2.isotropic(0, 0, 1)), perClass[0], 1e-13);
        assertEquals(expected, Math.log(Math.exp(perClass[0]) + Math.exp(perClass[1])), 1e-13);
    }

    @Test
    void logDensityStaysFiniteFarFromEveryComponent() {
        // exp underflows to 0 here; the dominant term alone is the answer to double precision
        double x = 400;
        double y = 0;
        double dominant = Math.max(
                Math.log(0.25) + gaussianLogPdf(x, y, Gaussian2.isotropic(0, 0, 1)),
                Math.log(0.75) + gaussianLogPdf(x, y, new Gaussian2(2, 0, 1, 0.5, 4)));
        assertTrue(dominant < -7e4);
        assertEquals(dominant, TWO.logDensity(x, y), 1e-9 * Math.abs(dominant));
    }

    @Test
    void batchLogDensityMatchesScalar() {
        double[] xy = {0, 0, 1, 2, -3, 0.5};
        double[] batch = TWO.logDensity(xy);
        for (int i = 0; i < 3; i++) {
            assertEquals(TWO.logDensity(xy[2 * i], xy[2 * i + 1]), batch[i]);
        }
        assertArrayEquals(new int[] {TWO.classOf(0, 0), TWO.classOf(1, 2), TWO.classOf(-3, 0.5)}, TWO.classOf(xy));
    }

    @Test
    void momentsFollowTheLawOfTotalCovariance() {
        // mean = 0.25 (0,0) + 0.75 (2,0); C = sum w (C_k + (m_k - m)(m_k - m)^T)
        Gaussian2 c = TWO.exactMoments();
        assertEquals(1.5, c.mx(), 1e-15);
        assertEquals(0, c.my(), 1e-15);
        assertEquals(0.25 * (1 + 2.25) + 0.75 * (1 + 0.25), c.sxx(), 1e-14);
        assertEquals(0.75 * 0.5, c.sxy(), 1e-14);
        assertEquals(0.25 + 0.75 * 4, c.syy(), 1e-14);
        assertEquals(new Gaussian2(2, 0, 1, 0.5, 4), TWO.classMoments(1));
        assertEquals(TWO.exactMoments(), TWO.moments().orElseThrow());
    }

    /**
     * Class regions are the Voronoi cells of the component means, cut at the off-support radius 4 x the
     * widest principal std (here the std 2.03 of [[1, 0.5], [0.5, 4]]): unlike the largest posterior, the
     * wide component does not win far from both means.
     */
    @Test
    void classOfIsTheNearestMeanWithinTheOffSupportRadius() {
        double widest = new Gaussian2(2, 0, 1, 0.5, 4).maxStd();
        assertEquals(4 * widest, TWO.offSupportRadius(), 1e-15);
        assertEquals(0, TWO.classOf(-1, 0));
        assertEquals(1, TWO.classOf(3, 0));
        assertEquals(0, TWO.classOf(0.99, 0)); // nearer (0, 0) than (2, 0)
        assertEquals(1, TWO.classOf(1.01, 0));
        assertEquals(0, TWO.classOf(0, 5)); // the largest posterior gives this point to the wide class 1
        assertTrue(TWO.logDensityPerClass(0, 5)[1] > TWO.logDensityPerClass(0, 5)[0]);
        // just inside and just outside the radius from (0, 0), on the side away from (2, 0)
        double r = TWO.offSupportRadius();
        assertEquals(0, TWO.classOf(-r + 1e-9, 0));
        assertEquals(ClassRegions.OFF_SUPPORT, TWO.classOf(-r - 1e-9, 0));
        assertEquals(ClassRegions.OFF_SUPPORT, TWO.classOf(100, 100));
    }

    @Test
    void samplesMatchWeightsLabelsAndMoments() {
        int n = 100_000;
        Points p = TWO.sample(n, new SplittableRandom(11));
        long ones = Arrays.stream(p.labels()).filter(l -> l == 1).count();
        SampleStatistics.assertFrequency(ones, n, 0.75, "class 1 frequency");
        for (int i = 0; i < n; i++) {
            assertEquals(TWO.component(p.components()[i]).label(), p.labels()[i]);
        }
        SampleStatistics.assertMomentsMatch(p.xy(), TWO.moments().orElseThrow(), "two-component mixture");
    }

    @Test
    void zeroWeightComponentsAreNeverSampledAndDoNotBreakTheDensity() {
        GaussianMixture2D m = new GaussianMixture2D("z", List.of(
                new Component(0, Gaussian2.isotropic(5, 5, 1), 0),
                new Component(1, Gaussian2.isotropic(0, 0, 1), 0),
                new Component(0, Gaussian2.isotropic(-5, 5, 1), 0)));
        assertTrue(Arrays.stream(m.sample(10_000, new SplittableRandom(1)).components()).allMatch(k -> k == 1));
        assertEquals(1, m.nearestComponent(5, 5)); // zero-weight components own no region either
        assertEquals(gaussianLogPdf(1, 1, Gaussian2.isotropic(0, 0, 1)), m.logDensity(1, 1), 1e-14);
    }

    @Test
    void integratesToOne() {
        assertEquals(1.0, MixtureIntegral.integrate(TWO, 1.0), 1e-6);
    }

    @Test
    void rejectsBadInput() {
        Gaussian2 id = Gaussian2.isotropic(0, 0, 1);
        assertMessage(() -> new Component(-1, id, 0), "weight must be finite and >= 0");
        assertMessage(() -> new Component(1, id, -2), "label must be >= 0");
        assertMessage(() -> new Component(1, new Gaussian2(0, 0, 1, 1, 1), 0), "must be positive definite");
        assertMessage(() -> new GaussianMixture2D("e", List.of()), "at least one component");
        assertMessage(() -> new GaussianMixture2D("z", List.of(new Component(0, id, 0))), "positive finite sum");
        assertMessage(() -> new GaussianMixture2D("gap", List.of(new Component(1, id, 0), new Component(1, id, 2))),
                "class 1 has weight 0");
        assertMessage(() -> TWO.classMoments(2), "class must be in [0, 2)");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String fragment) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }
}
