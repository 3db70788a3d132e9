package io.github.sibench.benchmark.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.random.SeedTree;
import io.github.sibench.datasets.images.ImageSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageMetricsTest {

    static final int K = 4;

    @TempDir
    static Path cache;

    static ImageSet train;
    static ImageSet test;
    static FeatureClassifier classifier;
    static ImageMetrics metrics;

    @BeforeAll
    static void trainClassifier() {
        train = SyntheticImages.make(400, K, 3, 16, 0.4, 0, 1);
        test = SyntheticImages.make(600, K, 3, 16, 0.4, 0, 2);
        classifier = FeatureClassifier.trainOrLoad(train, test, FeatureClassifierTest.TINY, cache, "cpu", null);
        metrics = new ImageMetrics(classifier, test);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void aSampleOfTheSameDistributionIsFarCloserThanAShiftedOne() {
        int n = 300;
        ImageSet same = SyntheticImages.make(n, K, 3, 16, 0.4, 0, 10);
        ImageSet shifted = SyntheticImages.make(n, K, 3, 16, 0.4, 0.3, 11);
        SeedTree seed = SeedTree.root(3);
        Map<String, Object> a = metrics.measure(same.pixels(), n, null, seed);
        Map<String, Object> b = metrics.measure(shifted.pixels(), n, null, seed);
        assertEquals(List.of("classifier_fd", "classifier_fd_ci_low", "classifier_fd_ci_high", "kid", "kid_std"),
                List.copyOf(a.keySet()));
        double fdSame = (double) a.get("classifier_fd");
        double fdShift = (double) b.get("classifier_fd");
        System.out.printf("bootstrap intervals: same [%.4f, %.4f], shifted [%.4f, %.4f]%n", a.get("classifier_fd_ci_low"),
                a.get("classifier_fd_ci_high"), b.get("classifier_fd_ci_low"), b.get("classifier_fd_ci_high"));
        // the interval over generated images separates the two samples, and reproduces from the seed
        assertTrue((double) a.get("classifier_fd_ci_low") < (double) a.get("classifier_fd_ci_high"));
        assertTrue((double) a.get("classifier_fd_ci_high") < (double) b.get("classifier_fd_ci_low"), a + " vs " + b);
        assertEquals(a, metrics.measure(same.pixels(), n, null, seed));
        System.out.printf("synthetic: FD same %.4f shifted %.4f; KID same %.5f +- %.5f shifted %.5f +- %.5f%n",
                fdSame, fdShift, a.get("kid"), a.get("kid_std"), b.get("kid"), b.get("kid_std"));
        assertTrue(fdSame < 0.2 * fdShift, "FD same " + fdSame + " vs shifted " + fdShift);
        // KID is unbiased: the same-distribution estimate is 0 up to its noise, which the spread over
        // subsets understates (every subset holds all 300 generated images, and the reference subsets
        // overlap): require only that the shifted estimate stands clear of its own spread and of the
        // same-distribution value
        double kidSame = (double) a.get("kid");
        double kidShift = (double) b.get("kid");
        assertTrue(kidShift > 5 * (double) b.get("kid_std"), "KID shifted " + kidShift + " +- " + b.get("kid_std"));
        assertTrue(kidShift > 3 * Math.abs(kidSame), "KID shifted " + kidShift + " vs same " + kidSame);
    }

    @Test
    void realBaselineIsSeededAndMatchesMeasuringTheSameImages() {
        SeedTree seed = SeedTree.root(5);
        Map<String, Object> real = metrics.realBaseline(train, 200, seed);
        assertEquals(List.of("classifier_fd_real", "kid_real", "kid_std_real", "class_hit_real"),
                List.copyOf(real.keySet()));
        assertEquals(real, metrics.realBaseline(train, 200, seed));
        assertFalse(real.equals(metrics.realBaseline(train, 200, SeedTree.root(6))));
        // the same draw measured as if generated gives the same numbers
        int[] idx = io.github.sibench.core.stats.Kid.sample(seed.child("real").rng(), train.n(), 200);
        int size = train.imageSize();
        float[] pixels = new float[200 * size];
        int[] labels = new int[200];
        for (int i = 0; i < 200; i++) {
            System.arraycopy(train.pixels(), idx[i] * size, pixels, i * size, size);
            labels[i] = train.labels()[idx[i]];
        }
        Map<String, Object> measured = metrics.measure(pixels, 200, labels, seed);
        for (String column : real.keySet()) {
            column = column.substring(0, column.length() - "_real".length());
            assertEquals(measured.get(column), real.get(column + "_real"), column);
        }
        for (String column : measured.keySet()) {
            assertTrue(ImageMetrics.columns().contains(column));
        }
        for (String column : real.keySet()) {
            assertTrue(ImageMetrics.columns().contains(column));
        }
        assertThrows(IllegalArgumentException.class, () -> metrics.realBaseline(train, train.n() + 1, seed));
    }

    /**
     * class_hit of correctly labelled images is the classifier's accuracy (>= 0.95 here, see
     * FeatureClassifierTest); of labels shuffled by a random permutation it is the chance that a shuffled
     * label equals the true one, sum_c (n_c / n)^2 = 1/k for balanced classes, with binomial standard
     * error sqrt(p (1 - p) / n) = 0.018 at n = 600, k = 4: allowed 4 standard errors.
     */
    @Test
    void classHitIsAccuracyForTrueLabelsAndChanceForShuffledOnes() {
        int n = test.n();
        Map<String, Object> right = metrics.measure(test.pixels(), n, test.labels(), SeedTree.root(1));
        assertEquals(classifier.testAccuracy(), (double) right.get("class_hit"), 1e-12);
        assertTrue((double) right.get("class_hit") >= 0.95);
        int[] shuffled = test.labels().clone();
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        double hit = (double) metrics.measure(test.pixels(), n, shuffled, SeedTree.root(1)).get("class_hit");
        double p = 1.0 / K;
        double se = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, hit, 4 * se, "class_hit of shuffled labels");
    }

    @Test
    void generatedPixelsAreClippedAndInputsValidated() {
        int n = 50;
        ImageSet some = SyntheticImages.make(n, K, 3, 16, 0.4, 0, 12);
        float[] wild = some.pixels().clone();
        float[] clipped = some.pixels().clone();
        for (int i = 0; i < wild.length; i += 7) {
            wild[i] = i % 2 == 0 ? 5f : -5f;
            clipped[i] = i % 2 == 0 ? 1f : -1f;
        }
        SeedTree seed = SeedTree.root(2);
        assertEquals(metrics.measure(clipped, n, null, seed), metrics.measure(wild, n, null, seed));
        assertThrows(IllegalArgumentException.class, () -> metrics.measure(some.pixels(), n, new int[n - 1], seed));
        for (float v : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            float[] broken = some.pixels().clone();
            broken[17] = v;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> metrics.measure(broken, n, null, seed));
            assertTrue(e.getMessage().contains("1 of " + broken.length + " generated values are not finite"),
                    e.getMessage());
        }
        int[] bad = new int[n];
        bad[3] = K;
        assertThrows(IllegalArgumentException.class, () -> metrics.measure(some.pixels(), n, bad, seed));
        assertThrows(IllegalArgumentException.class, () -> metrics.measure(some.pixels(), 1, null, seed));
        assertEquals(test.n(), metrics.referenceSize());
        assertEquals(ImageMetrics.columns(), List.copyOf(ImageMetrics.columnDescriptions().keySet()));
    }
}
