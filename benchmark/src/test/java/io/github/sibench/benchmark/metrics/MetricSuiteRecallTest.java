package io.github.sibench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.ToyData;
import io.github.sibench.benchmark.config.DatasetConfig;
import io.github.sibench.benchmark.config.EvaluationConfig;
import io.github.sibench.datasets.PreparedToy;
import io.github.sibench.datasets.plane.Points;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's recall-type and sample-based columns (coverage, k-NN precision/recall, MMD) on three sets of
 * n = 4,000 points of the seed toy: true samples, true samples of class 0 only (a model that drops two
 * clusters but places every point well), and true samples shifted by (0.6, -0.8).
 *
 * <p>Expectations come from independent true samples: {@code y2} against a second reference {@code r2}
 * gives the true-vs-true k-NN precision and recall (about 0.978 and 0.975 here). Each is a proportion over
 * 4,000 points; two independent estimates differ by at most 4 binomial standard errors of a difference,
 * {@code 4 sqrt(2 p (1 - p) / n)} (about 0.013; the reference balls add little variance: across seeds the
 * values spread by about 0.003, no more than the binomial error).
 */
class MetricSuiteRecallTest {

    private static final int N = 4000;
    private static final int BLOCKS = 16;

    private static PreparedToy prepared;
    private static MetricSuite suite;
    private static double[] y;
    private static KnnPrecisionRecall.Result trueVsTrue;
    private static double[] mmdSd;
    private static Map<String, Double> truth;

    @BeforeAll
    static void prepare() {
        ToyData data = ToyData.prepare(new DatasetConfig("seed-toy", 8, 1000, 2024, 1));
        prepared = data.prepared();
        suite = new MetricSuite(data, new EvaluationConfig(N, 128, false));
        y = SeedToySamples.sample(N, 4242);
        double[] r2 = SeedToySamples.sample(N, 5151);
        trueVsTrue = new KnnPrecisionRecall(r2, KnnPrecisionRecall.K).measure(SeedToySamples.sample(N, 6161));
        mmdSd = nullSd(y, r2);
        truth = measure(y);
        System.out.printf("true samples (n = %d): %s%ntrue vs true: %s, MMD null sd %s%n", N, truth, trueVsTrue,
                Arrays.toString(mmdSd));
    }

    private static Map<String, Double> measure(double[] points) {
        return suite.measure(new ToyData.Projected(points, new double[points.length / 2]), null);
    }

    /**
     * The standard deviation of MMD_u^2 between n and n true points, estimated by splitting: the
     * MMD_u^2 of {@value #BLOCKS} disjoint pairs of blocks of b = n/{@value #BLOCKS} points (of y and of an
     * independent true sample) give an empirical sd at size b; under the null the unbiased statistic is a
     * degenerate U-statistic whose variance is of order 1/n^2 (Gretton et al. 2012, Theorem 12), so the
     * sd at size n is that at b times b/n.
     */
    private static double[] nullSd(double[] gen, double[] ref) {
        int b = N / BLOCKS;
        double[][] v = new double[BLOCKS][];
        for (int i = 0; i < BLOCKS; i++) {
            double[] g = Arrays.copyOfRange(gen, 2 * b * i, 2 * b * (i + 1));
            double[] r = Arrays.copyOfRange(ref, 2 * b * i, 2 * b * (i + 1));
            v[i] = new RbfMmd(r, MetricSuite.MMD_BANDWIDTHS).squared(g);
        }
        double[] sd = new double[MetricSuite.MMD_BANDWIDTHS.length];
        for (int s = 0; s < sd.length; s++) {
            double mean = 0;
            for (double[] row : v) {
                mean += row[s] / BLOCKS;
            }
            double ss = 0;
            for (double[] row : v) {
                ss += (row[s] - mean) * (row[s] - mean) / (BLOCKS - 1);
            }
            sd[s] = Math.sqrt(ss) * b / N;
        }
        return sd;
    }

    private static double binomialDiff(double p, int n1, int n2) {
        return 4 * Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    }

    /** The suite's reference is the toy's sample from the data seeds' child "metrics"/"knn-reference". */
    @Test
    void referenceComesFromTheDocumentedSeed() {
        double[] ref = prepared.toy().sample(N, prepared.seeds().child("metrics").child("knn-reference").rng()).xy();
        KnnPrecisionRecall.Result r = new KnnPrecisionRecall(ref, 3).measure(y);
        assertEquals(r.precision(), truth.get("knn_precision"), 0);
        assertEquals(r.recall(), truth.get("knn_recall"), 0);
        assertEquals(new RbfMmd(ref, 0.3).squared(y)[0], truth.get("mmd_s0p3"), 1e-15);
    }

    /**
     * True samples: cluster_coverage 1 (each class's fraction is within 0.03 of its weight with overwhelming
     * probability, the threshold is W_c / 2 >= 0.14 away), k-NN precision and recall within the binomial
     * margin of the true-vs-true values, |MMD_u^2| below five null standard deviations at every bandwidth
     * (component_coverage: {@link ComponentCoverageTest}).
     */
    @Test
    void trueSamplesScoreLikeTrueSamples() {
        assertEquals(1.0, truth.get("cluster_coverage"));
        assertEquals(trueVsTrue.precision(), truth.get("knn_precision"), binomialDiff(trueVsTrue.precision(), N, N));
        assertEquals(trueVsTrue.recall(), truth.get("knn_recall"), binomialDiff(trueVsTrue.recall(), N, N));
        for (int s = 0; s < mmdSd.length; s++) {
            String c = MetricSuite.MMD_COLUMNS.get(s);
            assertTrue(Math.abs(truth.get(c)) < 5 * mmdSd[s], c + " " + truth.get(c) + " vs sd " + mmdSd[s]);
        }
        double cov = truth.get("component_coverage");
        assertTrue(cov > 0.98 && cov <= 1, "component_coverage " + cov);
    }

    /** n true points of one class, by rejection from the mixture's samples. */
    private static double[] trueOfClass(int c, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[2 * n];
        int got = 0;
        while (got < n) {
            Points p = SeedToySamples.TOY.sample(1000, rng);
            for (int i = 0; i < 1000 && got < n; i++) {
                if (p.labels()[i] == c) {
                    out[2 * got] = p.x(i);
                    out[2 * got + 1] = p.y(i);
                    got++;
                }
            }
        }
        return out;
    }

    /**
     * Points of class 0 only (blue rectangle and the blue half of the corridor). cluster_coverage = 1/3 exactly.
     * component_coverage: each of class 0's 214 components expects 4000/214 = 19 points (empty with
     * probability e^-19), and a class-0 point lies nearest a mean of another class only where the blue and
     * green corridor halves meet, so it is W_0 = 214/741 plus at most a few components (we allow 3). Recall:
     * only the reference points near class 0 can fall in the generated balls, a fraction about
     * {@code W_0 x} the true-vs-true recall; we require below W_0 + 0.05, far below 0.97. Precision: the
     * expectation is the true-vs-true precision restricted to class-0 points (the class-0 points of y2
     * against r2), within the binomial margin for 4,000 and about 1,150 points.
     */
    @Test
    void oneClusterIsPreciseButDoesNotCover() {
        double[] blue = trueOfClass(0, N, 99);
        Map<String, Double> m = measure(blue);
        double w0 = SeedToySamples.TOY.classWeights()[0];
        System.out.println("class 0 only: " + m);
        assertEquals(1.0 / 3, m.get("cluster_coverage"), 1e-15);
        double cov = m.get("component_coverage");
        assertTrue(cov >= w0 - 1e-12 && cov <= w0 + 3.0 / 741 + 1e-12, "component_coverage " + cov + " vs W0 " + w0);
        assertTrue(m.get("knn_recall") < w0 + 0.05, "recall " + m.get("knn_recall"));
        double[] r2 = SeedToySamples.sample(N, 5151);
        double[] y2blue = trueOfClass(0, 1150, 6262);
        double expected = new KnnPrecisionRecall(r2, 3).measure(y2blue).precision();
        System.out.printf("class-0 precision: %.4f, expected %.4f%n", m.get("knn_precision"), expected);
        assertEquals(expected, m.get("knn_precision"), binomialDiff(expected, N, 1150));
    }

    /**
     * The true samples shifted by (0.6, -0.8), |delta| = 1: larger than the filament's and the green
     * rectangle's size, so MMD_u^2 is many null standard deviations above 0 at every bandwidth (we require
     * 20), and most points leave the data's support: precision far below true-vs-true (we require
     * 0.2 below).
     */
    @Test
    void shiftIsSeenByMmdAndPrecision() {
        Map<String, Double> m = measure(SeedToySamples.shift(y, 0.6, -0.8));
        System.out.println("shifted by (0.6, -0.8): " + m);
        for (int s = 0; s < mmdSd.length; s++) {
            String c = MetricSuite.MMD_COLUMNS.get(s);
            assertTrue(m.get(c) > 20 * mmdSd[s], c + " " + m.get(c) + " vs sd " + mmdSd[s]);
        }
        assertTrue(m.get("knn_precision") < trueVsTrue.precision() - 0.2, "precision " + m.get("knn_precision"));
    }
}
