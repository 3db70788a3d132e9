package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.ToyData;
import io.github.sibench.benchmark.config.ClassDraw;
import io.github.sibench.benchmark.config.DatasetConfig;
import io.github.sibench.benchmark.config.EvaluationConfig;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.plane.ClassRegions;
import io.github.sibench.datasets.plane.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
        return suite.measure(new ToyData.Projected(points, new double[points.length / 2]), null, SeedTree.root(5));
    }

    @Test
    void fidIntervalOverGeneratedPointsCoversTheEstimateAndNarrowsWithN() {
        double[] shifted = SeedToySamples.shift(y, DX, DY);
        Map<String, Double> m = measure(shifted);
        double fid = m.get("fid_y");
        assertTrue(m.get("fid_y_ci_low") <= fid && fid <= m.get("fid_y_ci_high"), m.toString());
        // a quarter of the points: the interval is about twice as wide (sd of a mean ~ 1/sqrt(n))
        double[] quarter = java.util.Arrays.copyOf(shifted, shifted.length / 4);
        Map<String, Double> q = measure(quarter);
        double ratio = (q.get("fid_y_ci_high") - q.get("fid_y_ci_low")) / (m.get("fid_y_ci_high") - m.get("fid_y_ci_low"));
        assertTrue(ratio > 1.4 && ratio < 2.8, "width ratio " + ratio);
    }

    @Test
    void columnsAreStableAndEveryOneIsMeasured() {
        List<String> unconditional = List.of("fid_y", "fid_y_ci_low", "fid_y_ci_high", "sliced_w2_y", "nll_y", "nll_y_median", "low_density_frac",
                "off_manifold", "knn_precision", "knn_recall", "mmd_s0p1", "mmd_s0p3", "mmd_s1", "component_coverage",
                "mass_tv", "off_support", "cluster_coverage", "mass_err_c0", "mass_err_c1", "mass_err_c2");
        List<String> perClass = List.of("class_hit_c0", "fid_y_c0", "class_hit_c1", "fid_y_c1", "class_hit_c2",
                "fid_y_c2");
        List<String> all = new ArrayList<>(unconditional);
        all.addAll(perClass);
        assertEquals(all, suite.columns());
        Map<String, Double> m = measure(y);
        assertEquals(unconditional, List.copyOf(m.keySet()));
        m.values().forEach(v -> assertTrue(Double.isFinite(v), m.toString()));
        System.out.println("metrics of " + N + " true samples: " + m);
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
        double expected = fidNoiseBound(y, SeedToySamples.TOY.exactMoments());
        double fid = measure(y).get("fid_y");
        System.out.printf("FID-Y of %d true points: %.5f (bound on its mean %.5f)%n", N, fid, expected);
        assertTrue(fid < 6 * expected, "FID-Y of true samples " + fid + " vs expected at most " + expected);
    }

    /** The bound {@code tr(S)/n + V/(4 n lambda_min)} on the mean FID-Y of n points of a law with moments s. */
    private static double fidNoiseBound(double[] points, Gaussian2 s) {
        int n = points.length / 2;
        double lambdaMin = s.minStd() * s.minStd();
        return (s.sxx() + s.syy()) / n + SeedToySamples.covarianceEntryVariance(points, s) / (4 * n * lambdaMin);
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
     * The suite's sliced W2 is the exact one (see {@link SlicedWassersteinTest}): small for true samples and,
     * for a shift, exactly {@code SW^2 = SW0^2 + |delta|^2/2 + delta.(mean(y) - m)}.
     */
    @Test
    void slicedW2IsAgainstTheExactDistribution() {
        Gaussian2 s = SeedToySamples.TOY.exactMoments();
        double sw0 = measure(y).get("sliced_w2_y");
        double sw = measure(SeedToySamples.shift(y, DX, DY)).get("sliced_w2_y");
        assertTrue(sw0 * sw0 < 40.0 / N * (s.sxx() + s.syy()) / 2, "true samples: " + sw0);
        double[] my = SeedToySamples.mean(y);
        assertEquals(sw0 * sw0 + 0.5 + DX * (my[0] - s.mx()) + DY * (my[1] - s.my()), sw * sw, 1e-9);
        assertEquals(new SlicedWasserstein(SeedToySamples.TOY, 128).distance(y), sw0, 1e-15);
    }

    /**
     * True samples: the fraction assigned to class k is a binomial proportion around its weight w_k (up to
     * the small, symmetric misassignment where classes touch), standard error sqrt(w_k (1 - w_k) / n); we
     * allow four per class, so mass_tv = (1/2) (sum_k |err_k| + off) <= 2 sum_k se_k + off/2. A true point is
     * off-support only beyond 4 standard deviations of its own component (probability at most
     * exp(-8) = 3.4e-4 in 2D, less with neighbouring means): at most 1.3 of 4,000 points on average, and
     * 8 or more has Poisson probability below 1e-4.
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
        double off = m.get("off_support");
        System.out.printf("mass_tv of true samples: %.5f (bound %.5f), off_support %.5f%n", m.get("mass_tv"),
                2 * seSum, off);
        assertTrue(off < 8.0 / N, "off_support of true samples " + off);
        assertTrue(m.get("mass_tv") <= 2 * seSum + off / 2, "mass_tv " + m.get("mass_tv"));
    }

    /** Every point at the centre of the blue cluster: fractions (1, 0, 0), so TV = 1 - w0 and err_k = -w_k. */
    @Test
    void everyPointInClassZeroGivesOneMinusItsWeight() {
        double[] points = nearBlueCentre(N);
        double[] w = SeedToySamples.TOY.classWeights();
        Map<String, Double> m = measure(points);
        assertEquals(1 - w[0], m.get("mass_tv"), 1e-9);
        assertEquals(1 - w[0], m.get("mass_err_c0"), 1e-9);
        assertEquals(-w[1], m.get("mass_err_c1"), 1e-9);
        assertEquals(-w[2], m.get("mass_err_c2"), 1e-9);
        assertEquals(0, m.get("off_support"));
    }

    private static double[] nearBlueCentre(int n) {
        Gaussian2 c = SeedToySamples.TOY.classMoments(0);
        double[] points = new double[2 * n];
        for (int i = 0; i < n; i++) {
            points[2 * i] = c.mx() + 0.01 * (i % 7);
            points[2 * i + 1] = c.my() - 0.01 * (i % 5);
        }
        return points;
    }

    /**
     * A quarter of the points far from everything, the rest at the blue centre: off_support = 1/4, the
     * class fractions (3/4, 0, 0), and {@code mass_tv = (|3/4 - w0| + w1 + w2 + 1/4) / 2}. Points requested
     * as blue that land off-support are misses.
     */
    @Test
    void offSupportPointsCountApartAndAsMisses() {
        double[] points = nearBlueCentre(N);
        int[] requested = new int[N];
        for (int i = 0; i < N; i += 4) {
            points[2 * i] = 9;
            points[2 * i + 1] = -7 - 0.001 * i;
        }
        double[] w = SeedToySamples.TOY.classWeights();
        Map<String, Double> m = suite.measure(new ToyData.Projected(points, new double[N]), requested);
        assertEquals(0.25, m.get("off_support"), 1e-15);
        assertEquals(0.75 - w[0], m.get("mass_err_c0"), 1e-12);
        assertEquals((Math.abs(0.75 - w[0]) + w[1] + w[2] + 0.25) / 2, m.get("mass_tv"), 1e-12);
        assertEquals(0.75, m.get("class_hit_c0"), 1e-15);
        assertFalse(m.containsKey("class_hit_c1"), "no point requested class 1");
    }

    /**
     * nll_y is the mean of -log p under the exact mixture, nll_y_median its median, low_density_frac the
     * fraction of points with p below the floor; off_manifold the mean residual. Points: a blue and a green
     * rectangle centre (p about 0.06 and 0.26), one on the filament (p in the hundreds) and two far away
     * (p = 0 to double precision): median = the middle of the five values, low-density fraction 2/5.
     */
    @Test
    void likelihoodColumnsAndOffManifold() {
        int f = SeedToySamples.TOY.numComponents() / 2; // a filament component (they are 182 .. 496)
        Gaussian2 g = SeedToySamples.TOY.gaussian(f);
        double[] points = {-1.0, 4.5, 2.5, 2.7, g.mx(), g.my(), 6, 6, -3, -1};
        double[] residual = {0.1, 0.2, 0.6, 0.3, 0.3};
        Map<String, Double> m = suite.measure(new ToyData.Projected(points, residual), null);
        double[] nll = new double[5];
        for (int i = 0; i < 5; i++) {
            nll[i] = -SeedToySamples.TOY.logDensity(points[2 * i], points[2 * i + 1]);
        }
        assertEquals(Arrays.stream(nll).average().orElseThrow(), m.get("nll_y"), 1e-12);
        double[] sorted = nll.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[2], m.get("nll_y_median"), 0);
        assertTrue(nll[2] < 0 && nll[0] > -Math.log(0.1) && nll[1] < -Math.log(0.2), Arrays.toString(nll));
        assertEquals(0.4, m.get("low_density_frac"), 0);
        assertEquals(0.3, m.get("off_manifold"), 1e-12);
    }

    /**
     * The likelihood columns of true samples against a large independent reference of 100,000 true points:
     * the mean NLL within four standard errors (its variance estimated from the reference, for both
     * samples), the measured median splitting the reference in halves within four standard errors of a
     * proportion, {@code sqrt((1/4)(1/n + 1/N_ref))}, and the fraction below the density floor within four
     * binomial standard errors. On this toy the mean NLL of true points is about 0.43 and the median about
     * 0.9: the filament's high density (NLL down to -4) pulls the mean below the median; 0.03% of true
     * points lie below the floor.
     */
    @Test
    void likelihoodOfTrueSamplesMatchesALargeReference() {
        int big = 100_000;
        double[] ref = SeedToySamples.TOY.logDensity(SeedToySamples.sample(big, 777));
        double logFloor = Math.log(MetricSuite.DENSITY_FLOOR);
        double mean = 0;
        double sq = 0;
        double low = 0;
        for (int i = 0; i < big; i++) {
            ref[i] = -ref[i];
            mean += ref[i] / big;
            sq += ref[i] * ref[i] / big;
            low += -ref[i] < logFloor ? 1.0 / big : 0;
        }
        double var = sq - mean * mean;
        Map<String, Double> m = measure(y);
        System.out.printf("true samples: nll_y %.3f (reference %.3f), nll_y_median %.3f, low_density_frac %.5f"
                + " (reference %.5f)%n", m.get("nll_y"), mean, m.get("nll_y_median"), m.get("low_density_frac"), low);
        double both = 1.0 / N + 1.0 / big;
        assertEquals(mean, m.get("nll_y"), 4 * Math.sqrt(var * both));
        double median = m.get("nll_y_median");
        double below = Arrays.stream(ref).filter(v -> v < median).count() / (double) big;
        assertEquals(0.5, below, 4 * Math.sqrt(0.25 * both));
        assertEquals(low, m.get("low_density_frac"), 4 * Math.sqrt(Math.max(low, 1.0 / N) * both));
    }

    @Test
    void referenceIsExactForTheSeedToy() {
        assertTrue(data.prepared().exactMoments());
        assertEquals(SeedToySamples.TOY.exactMoments(), data.prepared().moments());
    }

    /**
     * Points drawn from each class and labelled with it land in their class's region (only the few
     * corridor points near the boundary can be assigned elsewhere) and match the class moments; the
     * same points labelled with the next class miss.
     */
    @Test
    void perClassMetricsRecognisePointsOfTheRightClass() {
        Points p = SeedToySamples.TOY.sample(N, new SplittableRandom(77));
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

    /**
     * The seed's protocol: classes requested uniformly, scored against the whole mixture. A perfect model
     * then draws from {@code (1/3) sum_c rho_Y(. | c)}, whose moments follow from the class moments by the
     * law of total covariance; its exact FID-Y against rho_Y is 0.0678 on this toy (0.0760 with the filament
     * before its vertex fix, the seed's "about 0.076"). Sampling it through the suite (uniform draws from
     * {@link ToyData#drawClasses}, each point a true point of its requested class) gives that value within
     * the sampling error: the cross term {@code 2 (m_hat - m_u).(m_u - m)} has standard deviation
     * {@code 2 sqrt(D^T S_u D / n)} with {@code D = m_u - m}, and the pure-noise part is bounded as in
     * {@link #fidOfTrueSamplesIsWithinSamplingError}; we allow four and six of them. With the true weights
     * the same perfect model is unbiased.
     */
    @Test
    void uniformClassDrawsBiasFidOfAPerfectModel() {
        int classes = 3;
        double mx = 0;
        double my = 0;
        for (int c = 0; c < classes; c++) {
            mx += SeedToySamples.TOY.classMoments(c).mx() / classes;
            my += SeedToySamples.TOY.classMoments(c).my() / classes;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int c = 0; c < classes; c++) {
            Gaussian2 g = SeedToySamples.TOY.classMoments(c);
            double dx = g.mx() - mx;
            double dy = g.my() - my;
            sxx += (g.sxx() + dx * dx) / classes;
            sxy += (g.sxy() + dx * dy) / classes;
            syy += (g.syy() + dy * dy) / classes;
        }
        Gaussian2 uniform = new Gaussian2(mx, my, sxx, sxy, syy);
        Gaussian2 exact = SeedToySamples.TOY.exactMoments();
        double bias = uniform.frechet(exact);
        System.out.printf("FID-Y of a perfect model under uniform class draws: %.4f%n", bias);
        assertEquals(0.0678, bias, 5e-5);

        int[] requested = data.drawClasses(N, ClassDraw.UNIFORM, SeedTree.root(8).child("classes"));
        double[] points = perfectModel(requested, 31);
        double fid = suite.measure(new ToyData.Projected(points, new double[N]), requested).get("fid_y");
        double dx = mx - exact.mx();
        double dy = my - exact.my();
        double cross = 2 * Math.sqrt(uniform.varianceAlong(dx, dy) / N); // D^T S_u D / n, D not normalised
        double tol = 4 * cross + 6 * fidNoiseBound(points, uniform);
        System.out.printf("sampled: %.4f (tolerance %.4f)%n", fid, tol);
        assertEquals(bias, fid, tol);
    }

    /** True points of the requested classes, by rejection from the mixture's own samples. */
    private static double[] perfectModel(int[] requested, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[2 * requested.length];
        for (int i = 0; i < requested.length; i++) {
            Points p;
            do {
                p = SeedToySamples.TOY.sample(1, rng);
            } while (p.labels()[0] != requested[i]);
            out[2 * i] = p.x(0);
            out[2 * i + 1] = p.y(0);
        }
        return out;
    }

    /** Off-support as the dataset states it: the suite's per-point classes are the dataset's regions. */
    @Test
    void pointScoresAreTheDatasetsRegionsAndDensity() {
        MetricSuite.PointScores s = suite.score(new double[] {-1.0, 4.5, 20, 20});
        assertEquals(0, s.assigned()[0]);
        assertEquals(ClassRegions.OFF_SUPPORT, s.assigned()[1]);
        assertEquals(SeedToySamples.TOY.logDensity(-1.0, 4.5), s.logDensity()[0], 0);
    }
}
