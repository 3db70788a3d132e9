package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.ToyData;
import io.github.sibench.benchmark.config.DatasetConfig;
import io.github.sibench.benchmark.config.EvaluationConfig;
import io.github.sibench.core.stats.Gaussian2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metric suite on true samples of the seed toy, where every metric has a known answer. */
class MetricSuiteTest {

    private static final int N = 4000;
    private static final double DX = 0.6;
    private static final double DY = -0.8; // |delta|^2 = 1

    private static ToyData data;
    private static MetricSuite suite;
    private static double[] y;

    @BeforeAll
    static void prepare() {
        data = ToyData.prepare(new DatasetConfig("seed-toy", 8, 1000, 2024, 1));
        suite = new MetricSuite(data, new EvaluationConfig(N, 128, false));
        y = SeedToySamples.sample(N, 4242);
    }

    private static Map<String, Double> measure(double[] points) {
        return suite.measure(new ToyData.Projected(points, new double[points.length / 2]), null);
    }

    @Test
    void columnsAreStableAndEveryOneIsMeasured() {
        List<String> unconditional = List.of("fid_y", "sliced_w2_y", "nll_y", "off_manifold", "mass_tv", "mass_err_c0",
                "mass_err_c1", "mass_err_c2");
        List<String> perClass = List.of("class_hit_c0", "fid_y_c0", "class_hit_c1", "fid_y_c1", "class_hit_c2",
                "fid_y_c2");
        List<String> all = new java.util.ArrayList<>(unconditional);
        all.addAll(perClass);
        assertEquals(all, suite.columns());
        Map<String, Double> m = measure(y);
        assertEquals(unconditional, List.copyOf(m.keySet()));
        m.values().forEach(v -> assertTrue(Double.isFinite(v), m.toString()));
    }

    /**
     * FID-Y = |m_hat - m|^2 + B(S_hat, S), B the Bures term (the W2^2 of the centred Gaussians). For n
     * i.i.d. points, E|m_hat - m|^2 = tr(S)/n exactly. B(S_hat, S) <= |S_hat^1/2 - S^1/2|_F^2 (the coupling
     * z -> (S_hat^1/2 z, S^1/2 z)) <= |S_hat - S|_F^2 / (lambda_min(S)^1/2 + lambda_min(S_hat)^1/2)^2
     * (van Hemmen-Ando bound of the square root), and the denominator is about 4 lambda_min(S) since S_hat
     * is within a few percent of S at n = 4,000. E|S_hat - S|_F^2 = V/n to leading order, with
     * V = sum_ij Var[(y_i - m_i)(y_j - m_j)] estimated from the sample's own fourth moments. So
     * E[FID-Y] <= tr(S)/n + V/(4 n lambda_min). FID-Y is a sum of a few squared, nearly Gaussian errors
     * (chi-square-like, e.g. the mean term alone exceeds 6 times its mean with probability e^-6), so we
     * allow 6 times that bound.
     */
    @Test
    void fidOfTrueSamplesIsWithinSamplingError() {
        Gaussian2 s = SeedToySamples.TOY.exactMoments();
        double lambdaMin = s.minStd() * s.minStd();
        double expected = (s.sxx() + s.syy()) / N + SeedToySamples.covarianceEntryVariance(y) / (4 * N * lambdaMin);
        double fid = measure(y).get("fid_y");
        System.out.printf("FID-Y of %d true points: %.5f (bound on its mean %.5f)%n", N, fid, expected);
        assertTrue(fid < 6 * expected, "FID-Y of true samples " + fid + " vs expected at most " + expected);
    }

    /**
     * Points whose sample mean and (unbiased) sample covariance are exactly the toy's: FID-Y is 0 up to
     * rounding, whatever the points' law. Any mix-up of the reference moments (a swapped variance, the
     * sign of the covariance, an offset mean) shows here, far below the sampling noise of a real sample.
     */
    @Test
    void fidIsZeroForPointsWithTheExactMoments() {
        int n = 1000;
        double[] p = SeedToySamples.sample(n, 99);
        double[] m = SeedToySamples.mean(p);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            p[2 * i] -= m[0];
            p[2 * i + 1] -= m[1];
            sxx += p[2 * i] * p[2 * i] / (n - 1);
            sxy += p[2 * i] * p[2 * i + 1] / (n - 1);
            syy += p[2 * i + 1] * p[2 * i + 1] / (n - 1);
        }
        // whiten with the inverse Cholesky factor of the sample covariance, colour with that of the exact one
        double a = Math.sqrt(sxx);
        double b = sxy / a;
        double c = Math.sqrt(syy - b * b);
        Gaussian2 s = SeedToySamples.TOY.exactMoments();
        double ea = Math.sqrt(s.sxx());
        double eb = s.sxy() / ea;
        double ec = Math.sqrt(s.syy() - eb * eb);
        for (int i = 0; i < n; i++) {
            double w0 = p[2 * i] / a;
            double w1 = (p[2 * i + 1] - b * w0) / c;
            p[2 * i] = s.mx() + ea * w0;
            p[2 * i + 1] = s.my() + eb * w0 + ec * w1;
        }
        double fid = suite.measure(new ToyData.Projected(p, new double[n]), null).get("fid_y");
        assertEquals(0, fid, 1e-9);
    }

    /**
     * Shifting the points by delta leaves S_hat unchanged and moves m_hat: exactly,
     * {@code FID(y + delta) = FID(y) + |delta|^2 + 2 delta.(m_hat - m)}, and {@code delta.(m_hat - m)} has
     * standard deviation {@code sqrt(delta^T S delta / n)}; we allow FID(y) plus four of those standard
     * deviations of the cross term.
     */
    @Test
    void knownShiftGivesSquaredShift() {
        double fid0 = measure(y).get("fid_y");
        double fid = measure(SeedToySamples.shift(y, DX, DY)).get("fid_y");
        double tol = fid0 + 2 * 4 * Math.sqrt(SeedToySamples.quadratic(DX, DY) / N);
        System.out.printf("FID-Y shifted by |delta|^2 = 1: %.4f (tolerance %.4f)%n", fid, tol);
        assertEquals(1.0, fid, tol);
    }

    /**
     * The suite's sliced W2 compares with its own fresh true samples (n = nSamples): small for true
     * samples and, for a shift, {@code SW^2 = SW0^2 + |delta|^2/2 + delta.(mean difference)} (see
     * {@link SlicedWassersteinTest}), the cross term of standard deviation {@code sqrt(2 delta^T S delta / n)}.
     */
    @Test
    void slicedW2AgainstTheSuitesReference() {
        Gaussian2 s = SeedToySamples.TOY.exactMoments();
        double sw0 = measure(y).get("sliced_w2_y");
        double sw = measure(SeedToySamples.shift(y, DX, DY)).get("sliced_w2_y");
        assertTrue(sw0 * sw0 < 40.0 / N * (s.sxx() + s.syy()) / 2, "true samples: " + sw0);
        assertEquals(0.5, sw * sw, sw0 * sw0 + 4 * Math.sqrt(2 * SeedToySamples.quadratic(DX, DY) / N));
    }

    /**
     * True samples: the fraction assigned to class k is a binomial proportion around its weight w_k (up to
     * the small, symmetric misassignment where classes touch), standard error sqrt(w_k (1 - w_k) / n); we
     * allow four per class, so mass_tv = (1/2) sum_k |err_k| <= 2 sum_k se_k.
     */
    @Test
    void clusterMassOfTrueSamplesIsWithinBinomialError() {
        Map<String, Double> m = measure(y);
        double[] w = SeedToySamples.TOY.classWeights();
        double seSum = 0;
        for (int k = 0; k < w.length; k++) {
            double se = Math.sqrt(w[k] * (1 - w[k]) / N);
            seSum += se;
            assertEquals(0, m.get("mass_err_c" + k), 4 * se, "class " + k);
        }
        System.out.printf("mass_tv of true samples: %.5f (bound %.5f)%n", m.get("mass_tv"), 2 * seSum);
        assertTrue(m.get("mass_tv") <= 2 * seSum, "mass_tv " + m.get("mass_tv"));
    }

    /** Every point at the centre of the blue cluster: fractions (1, 0, 0), so TV = 1 - w0 and err_k = -w_k. */
    @Test
    void everyPointInClassZeroGivesOneMinusItsWeight() {
        Gaussian2 c = SeedToySamples.TOY.classMoments(0);
        double[] points = new double[2 * N];
        for (int i = 0; i < N; i++) {
            points[2 * i] = c.mx() + 0.01 * (i % 7);
            points[2 * i + 1] = c.my() - 0.01 * (i % 5);
        }
        double[] w = SeedToySamples.TOY.classWeights();
        Map<String, Double> m = measure(points);
        assertEquals(1 - w[0], m.get("mass_tv"), 1e-9);
        assertEquals(1 - w[0], m.get("mass_err_c0"), 1e-9);
        assertEquals(-w[1], m.get("mass_err_c1"), 1e-9);
        assertEquals(-w[2], m.get("mass_err_c2"), 1e-9);
    }

    /** nll_y is the mean of -log p under the exact mixture; off_manifold the mean residual. */
    @Test
    void nllAndOffManifoldAreMeansOverPoints() {
        double[] points = {0.5, 4.0, 2.5, 2.7, -1.0, 4.5};
        double[] residual = {0.1, 0.2, 0.6};
        Map<String, Double> m = suite.measure(new ToyData.Projected(points, residual), null);
        double nll = 0;
        for (int i = 0; i < 3; i++) {
            nll -= SeedToySamples.TOY.logDensity(points[2 * i], points[2 * i + 1]) / 3;
        }
        assertEquals(nll, m.get("nll_y"), 1e-12);
        assertEquals(0.3, m.get("off_manifold"), 1e-12);
        // three points are not nSamples: no sliced distance (an empty cell), the rest is measured
        assertTrue(!m.containsKey("sliced_w2_y"));
    }

    @Test
    void referenceIsExactForTheSeedToy() {
        assertTrue(data.exactMoments());
        assertEquals(SeedToySamples.TOY.exactMoments(), data.moments());
    }

    /**
     * Points drawn from each class and labelled with it land in their class's region (only the few
     * corridor points near the boundary can be assigned elsewhere) and match the class moments; the
     * same points labelled with the next class miss.
     */
    @Test
    void perClassMetricsRecognisePointsOfTheRightClass() {
        io.github.sibench.datasets.plane.Points p = SeedToySamples.TOY.sample(N, new java.util.SplittableRandom(77));
        Map<String, Double> right = suite.measure(new ToyData.Projected(p.xy(), new double[N]), p.labels());
        int[] shifted = p.labels().clone();
        for (int i = 0; i < N; i++) {
            shifted[i] = (shifted[i] + 1) % 3;
        }
        Map<String, Double> wrong = suite.measure(new ToyData.Projected(p.xy(), new double[N]), shifted);
        double[] w = SeedToySamples.TOY.classWeights();
        for (int k = 0; k < 3; k++) {
            assertTrue(right.get("class_hit_c" + k) > 0.98, "class " + k + ": " + right);
            assertTrue(wrong.get("class_hit_c" + k) < 0.02, "class " + k + ": " + wrong);
            // each class's FID-Y from about w_k N points: a few times tr(S_k) / (w_k N) at most
            Gaussian2 c = SeedToySamples.TOY.classMoments(k);
            double bound = 10 * (c.sxx() + c.syy()) / (w[k] * N) + 1e-3;
            assertTrue(right.get("fid_y_c" + k) < bound, "class " + k + " fid " + right.get("fid_y_c" + k) + " > " + bound);
            assertTrue(wrong.get("fid_y_c" + k) > 1, "class " + k + " fid with wrong labels " + wrong.get("fid_y_c" + k));
        }
    }
}
