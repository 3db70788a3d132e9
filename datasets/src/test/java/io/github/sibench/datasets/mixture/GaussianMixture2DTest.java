package io.github.sibench.datasets.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.datasets.SampleStatistics;
import io.github.sibench.datasets.mixture.GaussianMixture2D.Component;
import io.github.sibench.datasets.plane.Covariance2D;
import io.github.sibench.datasets.plane.Moments2D;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Vec2;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixture2DTest {

    /** Weights 1 : 3, means (0, 0) and (2, 0), covariances I and [[1, 0.5], [0.5, 4]], labels 0 and 1. */
    private static final GaussianMixture2D TWO = new GaussianMixture2D("two", List.of(
            new Component(1, new Vec2(0, 0), Covariance2D.isotropic(1), 0),
            new Component(3, new Vec2(2, 0), new Covariance2D(1, 0.5, 4), 1)));

    private static double gaussianLogPdf(double x, double y, Vec2 m, Covariance2D c) {
        return -Math.log(2 * Math.PI) - 0.5 * Math.log(c.det()) - 0.5 * c.mahalanobisSquared(x - m.x(), y - m.y());
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
        double expected = Math.log(0.25 * Math.exp(gaussianLogPdf(x, y, TWO.component(0).mean(), TWO.component(0).covariance()))
                + 0.75 * Math.exp(gaussianLogPdf(x, y, TWO.component(1).mean(), TWO.component(1).covariance())));
        assertEquals(expected, TWO.logDensity(x, y), 1e-13);
        double[] perClass = TWO.logDensityPerClass(x, y);
        assertEquals(Math.log(0.25) + gaussianLogPdf(x, y, new Vec2(0, 0), Covariance2D.isotropic(1)), perClass[0], 1e-13);
        assertEquals(expected, Math.log(Math.exp(perClass[0]) + Math.exp(perClass[1])), 1e-13);
    }

    @Test
    void logDensityStaysFiniteFarFromEveryComponent() {
        // exp underflows to 0 here; the dominant term alone is the answer to double precision
        double x = 400;
        double y = 0;
        double dominant = Math.max(
                Math.log(0.25) + gaussianLogPdf(x, y, new Vec2(0, 0), Covariance2D.isotropic(1)),
                Math.log(0.75) + gaussianLogPdf(x, y, new Vec2(2, 0), new Covariance2D(1, 0.5, 4)));
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
        assertEquals(new Vec2(1.5, 0), TWO.mean());
        Covariance2D c = TWO.covariance();
        assertEquals(0.25 * (1 + 2.25) + 0.75 * (1 + 0.25), c.xx(), 1e-14);
        assertEquals(0.75 * 0.5, c.xy(), 1e-14);
        assertEquals(0.25 + 0.75 * 4, c.yy(), 1e-14);
        assertEquals(new Vec2(2, 0), TWO.classMean(1));
        assertEquals(new Covariance2D(1, 0.5, 4), TWO.classCovariance(1));
        assertEquals(new Moments2D(TWO.mean(), TWO.covariance()), TWO.moments().orElseThrow());
    }

    @Test
    void classOfPicksTheLargestPosterior() {
        assertEquals(0, TWO.classOf(-1, 0));
        assertEquals(1, TWO.classOf(3, 0));
        assertEquals(1, TWO.classOf(0, 5)); // the wide class wins far along y
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
                new Component(0, new Vec2(5, 5), Covariance2D.isotropic(1), 0),
                new Component(1, new Vec2(0, 0), Covariance2D.isotropic(1), 0),
                new Component(0, new Vec2(-5, 5), Covariance2D.isotropic(1), 0)));
        assertTrue(Arrays.stream(m.sample(10_000, new SplittableRandom(1)).components()).allMatch(k -> k == 1));
        assertEquals(gaussianLogPdf(1, 1, new Vec2(0, 0), Covariance2D.isotropic(1)), m.logDensity(1, 1), 1e-14);
    }

    @Test
    void integratesToOne() {
        assertEquals(1.0, MixtureIntegral.integrate(TWO, 1.0), 1e-6);
    }

    @Test
    void rejectsBadInput() {
        Vec2 o = new Vec2(0, 0);
        Covariance2D id = Covariance2D.isotropic(1);
        assertMessage(() -> new Component(-1, o, id, 0), "weight must be finite and >= 0");
        assertMessage(() -> new Component(1, o, id, -2), "label must be >= 0");
        assertMessage(() -> new GaussianMixture2D("e", List.of()), "at least one component");
        assertMessage(() -> new GaussianMixture2D("z", List.of(new Component(0, o, id, 0))), "positive finite sum");
        assertMessage(() -> new GaussianMixture2D("gap", List.of(new Component(1, o, id, 0), new Component(1, o, id, 2))),
                "class 1 has weight 0");
        assertMessage(() -> TWO.classMean(2), "class must be in [0, 2)");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String fragment) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }
}
