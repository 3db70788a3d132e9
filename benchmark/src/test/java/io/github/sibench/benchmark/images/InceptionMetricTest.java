package io.github.sibench.benchmark.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.stats.FeatureGaussian;
import io.github.sibench.core.stats.Kid;
import io.github.sibench.datasets.images.ImageSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InceptionMetric} with the channel-mean module of {@link TorchScriptArchives}: images of one colour
 * each have their 8-bit colour as features, so Frechet distances have closed forms.
 */
class InceptionMetricTest {

    @TempDir
    Path dir;

    /** n images of 3 x 4 x 4, image i of the 8-bit colour {@code bytes[i]} (+ shift on every channel). */
    private static ImageSet flat(int[][] bytes, int shift) {
        int n = bytes.length;
        int plane = 16;
        float[] pixels = new float[n * 3 * plane];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < plane; k++) {
                    pixels[(i * 3 + c) * plane + k] = (bytes[i][c] + shift) / 127.5f - 1f;
                }
            }
        }
        return new ImageSet(n, 3, 4, 4, pixels, new int[n], List.of("only"));
    }

    private static int[][] colours(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] b = new int[n][3];
        for (int[] row : b) {
            for (int c = 0; c < 3; c++) {
                row[c] = rng.nextInt(200);
            }
        }
        return b;
    }

    @Test
    void columnsExistOnlyWhenConfigured() {
        assertEquals(List.of(), InceptionMetric.columns(null));
        assertEquals(List.of("inception_fid", "inception_fid_real"), InceptionMetric.columns("inception.pt"));
        ImageSet any = flat(colours(4, 1), 0);
        assertNull(InceptionMetric.open(null, any, any, 2, "cpu", m -> {}));
    }

    @Test
    void fidOfAShiftedSetIsTheSquaredShiftTimesTheDimension() {
        // same covariance, means 20 apart on each of 3 features: FD = 3 * 20^2 exactly
        int[][] c = colours(50, 3);
        ImageSet reference = flat(c, 20);
        ImageSet generated = flat(c, 0);
        List<String> log = new ArrayList<>();
        try (InceptionMetric m = InceptionMetric.open(TorchScriptArchives.channelMeans(dir).toString(), generated,
                reference, 10, "cpu", log::add)) {
            Map<String, Object> row = m.measure(generated.pixels(), generated.n(), SeedTree.root(5).child("real-baseline"));
            assertEquals(1200.0, (double) row.get("inception_fid"), 1200.0 * 1e-9);
            assertEquals(2, log.size());
            assertTrue(log.get(1).contains("50 of dimension 3"), log.toString());
        }
    }

    @Test
    void fidEqualsTheFrechetDistanceOfTheAnalyticFeatures() {
        int[][] ref = colours(40, 4);
        int[][] gen = colours(30, 5);
        for (int[] row : gen) {
            row[1] = row[1] / 2 + row[0] / 3; // a different covariance
        }
        try (InceptionMetric m = InceptionMetric.open(TorchScriptArchives.channelMeans(dir).toString(), flat(ref, 0),
                flat(ref, 0), 10, "cpu", s -> {})) {
            double fid = (double) m.measure(flat(gen, 0).pixels(), gen.length, SeedTree.root(1)).get("inception_fid");
            double expected = FeatureGaussian.frechet(asDouble(gen), asDouble(ref));
            assertEquals(expected, fid, 1e-9 * expected);
            assertTrue(expected > 100, "the sets differ: " + expected);
        }
    }

    @Test
    void realBaselineUsesTheClassifierBaselinesImagesOncePerSeed() {
        int[][] train = colours(60, 6);
        int[][] test = colours(40, 7);
        int nReal = 25;
        try (InceptionMetric m = InceptionMetric.open(TorchScriptArchives.channelMeans(dir).toString(), flat(train, 0),
                flat(test, 0), nReal, "cpu", s -> {})) {
            SeedTree node = SeedTree.root(9).child("real-baseline");
            ImageSet gen = flat(colours(10, 8), 0);
            double first = (double) m.measure(gen.pixels(), gen.n(), node).get("inception_fid_real");
            // the indices ImageMetrics.realBaseline draws from the same node
            int[] idx = Kid.sample(node.child("real").rng(), train.length, nReal);
            int[][] chosen = new int[nReal][];
            for (int i = 0; i < nReal; i++) {
                chosen[i] = train[idx[i]];
            }
            double expected = FeatureGaussian.frechet(asDouble(chosen), asDouble(test));
            assertEquals(expected, first, 1e-9 * expected);
            double again = (double) m.measure(gen.pixels(), gen.n(), node).get("inception_fid_real");
            assertEquals(first, again);
            double other = (double) m.measure(gen.pixels(), gen.n(), SeedTree.root(10).child("real-baseline"))
                    .get("inception_fid_real");
            assertTrue(other != first, "another seed draws other images");
        }
    }

    @Test
    void realBaselineOfTheWholeReferenceIsZero() {
        ImageSet same = flat(colours(30, 2), 0);
        try (InceptionMetric m = InceptionMetric.open(TorchScriptArchives.channelMeans(dir).toString(), same, same,
                30, "cpu", s -> {})) {
            double floor = (double) m.measure(same.pixels(), 30, SeedTree.root(0)).get("inception_fid_real");
            assertEquals(0, floor, 1e-6);
        }
    }

    @Test
    void baselineSizeAndCountsAreChecked() {
        ImageSet small = flat(colours(5, 1), 0);
        String file = TorchScriptArchives.channelMeans(dir).toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InceptionMetric.open(file, small, small, 6, "cpu", s -> {}));
        assertTrue(e.getMessage().contains("2 <= n <= 5"), e.getMessage());
        try (InceptionMetric m = InceptionMetric.open(file, small, small, 5, "cpu", s -> {})) {
            assertThrows(IllegalArgumentException.class, () -> m.measure(small.pixels(), 1, SeedTree.root(0)));
        }
    }

    private static double[][] asDouble(int[][] b) {
        double[][] d = new double[b.length][];
        for (int i = 0; i < b.length; i++) {
            d[i] = new double[] {b[i][0], b[i][1], b[i][2]};
        }
        return d;
    }
}
