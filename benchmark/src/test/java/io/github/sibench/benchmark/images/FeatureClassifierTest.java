package io.github.sibench.benchmark.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sibench.core.util.Scoped;
import io.github.sibench.datasets.images.ImageSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureClassifierTest {

    /** Tiny network: two stages of 16 and 32 channels, 16 features; 80 steps of 32 images. */
    static final ClassifierConfig TINY = new ClassifierConfig(List.of(16, 32), 16, 80, 32, 3e-3, 1e-2, 7);

    /** For tests of caching and determinism, where accuracy does not matter. */
    static final ClassifierConfig FAST = TINY.withSteps(15);

    static ImageSet train;
    static ImageSet test;

    @BeforeAll
    static void data() {
        train = SyntheticImages.make(400, 4, 3, 16, 0.4, 0, 1);
        test = SyntheticImages.make(200, 4, 3, 16, 0.4, 0, 2);
    }

    @Test
    void separableClassesAreLearnedAndTheCacheIsWritten(@TempDir Path dir) throws Exception {
        List<Integer> steps = new ArrayList<>();
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, TINY, dir, "cpu", steps::add)) {
            assertFalse(c.fromCache());
            // 4 balanced classes: chance is 0.25; every class differs in colour and stripe period by many
            // noise standard deviations averaged over 256 pixels, so a trained CNN makes almost no error
            // (200 test images: 0.95 allows 10 errors)
            assertTrue(c.testAccuracy() >= 0.95, "test accuracy " + c.testAccuracy());
            assertEquals(TINY.steps(), steps.size());
            assertEquals(TINY.steps(), steps.get(steps.size() - 1));
            assertTrue(c.trainSeconds() > 0);
            assertEquals(64, c.key().length());
            assertTrue(Files.size(dir.resolve(c.key() + ".params")) > 0);
            JsonNode json = new ObjectMapper().readTree(dir.resolve(c.key() + ".json").toFile());
            assertEquals(c.key(), json.get("key").asText());
            assertEquals(c.testAccuracy(), json.get("test_accuracy").asDouble());
            assertEquals(c.trainSeconds(), json.get("train_seconds").asDouble());
            assertEquals(400, json.get("n_train").asInt());
            assertEquals(200, json.get("n_test").asInt());
            assertEquals(16, json.get("config").get("featureDim").asInt());
            // no temporary files left behind
            try (var files = Files.list(dir)) {
                assertEquals(2, files.count());
            }
            int[] predicted = c.predict(test.pixels(), test.n());
            int hits = 0;
            for (int i = 0; i < test.n(); i++) {
                hits += predicted[i] == test.labels()[i] ? 1 : 0;
            }
            assertEquals(c.testAccuracy(), hits / (double) test.n());
        }
    }

    @Test
    void sameSeedGivesIdenticalFeaturesAndTheCacheReturnsThem(@TempDir Path a, @TempDir Path b) {
        double[][] first;
        String key;
        double accuracy;
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, TINY, a, "cpu", null)) {
            first = c.features(test.pixels(), test.n());
            key = c.key();
            accuracy = c.testAccuracy();
            assertEquals(test.n(), first.length);
            assertEquals(16, first[0].length);
        }
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, TINY, b, "cpu", null)) {
            assertFalse(c.fromCache());
            assertEquals(key, c.key());
            assertArrayEquals(first, c.features(test.pixels(), test.n()), "retraining with the same seed");
        }
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, TINY, a, "cpu", null)) {
            assertTrue(c.fromCache());
            assertEquals(key, c.key());
            assertEquals(accuracy, c.testAccuracy());
            assertArrayEquals(first, c.features(test.pixels(), test.n()), "loaded from the cache");
        }
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, TINY.withSeed(8), a, "cpu", null)) {
            assertFalse(c.fromCache());
            assertNotEquals(key, c.key());
            double[][] other = c.features(test.pixels(), test.n());
            assertFalse(java.util.Arrays.deepEquals(first, other), "another seed gives another network");
        }
    }

    @Test
    void aCorruptCacheIsReportedAndRetrained(@TempDir Path dir) throws Exception {
        double[][] first;
        String key;
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, FAST, dir, "cpu", null)) {
            first = c.features(test.pixels(), 20);
            key = c.key();
        }
        Path params = dir.resolve(key + ".params");
        byte[] bytes = Files.readAllBytes(params);
        List<byte[]> corruptions = List.of(
                java.util.Arrays.copyOf(bytes, bytes.length / 2),
                "not a parameter file".getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(bytes, bytes.length + 7));
        for (byte[] corrupt : corruptions) {
            Files.write(params, corrupt);
            String err = stderrOf(() -> {
                try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, FAST, dir, "cpu", null)) {
                    assertFalse(c.fromCache());
                    assertArrayEquals(first, c.features(test.pixels(), 20));
                }
            });
            assertTrue(err.contains("retraining") && err.strip().lines().count() == 1, "warning: " + err);
            // the retrained classifier replaced the corrupt file
            assertArrayEquals(bytes, Files.readAllBytes(params));
        }
        Files.writeString(dir.resolve(key + ".json"), "{ truncated");
        String err = stderrOf(() -> {
            try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, FAST, dir, "cpu", null)) {
                assertFalse(c.fromCache());
            }
        });
        assertTrue(err.contains("retraining") && err.strip().lines().count() == 1, "warning: " + err);
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, FAST, dir, "cpu", null)) {
            assertTrue(c.fromCache());
        }
    }

    @Test
    void anUnwritableCacheOnlyWarns(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        String err = stderrOf(() -> {
            try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, FAST, notADirectory, "cpu", null)) {
                assertFalse(c.fromCache());
                assertEquals(test.n(), c.predict(test.pixels(), test.n()).length);
            }
        });
        assertTrue(err.contains("cannot write the cache") && err.strip().lines().count() == 1, "warning: " + err);
    }

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nativeMemoryStaysFlatOverTrainingStepsAndFeatureChunks(@TempDir Path dir) {
        List<Integer> live = new ArrayList<>();
        ClassifierConfig config = TINY.withSteps(12);
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, config, dir, "cpu",
                s -> live.add(Scoped.liveArrays()))) {
            // step 1 creates AdamW's moment arrays; from step 2 on nothing may accumulate
            assertEquals(live.get(1), live.get(live.size() - 1), "live arrays per step: " + live);
            int before = Scoped.liveArrays();
            ImageSet many = SyntheticImages.make(3 * FeatureClassifier.CHUNK + 17, 4, 3, 16, 0.4, 0, 3);
            double[][] f = c.features(many.pixels(), many.n());
            int[] predicted = c.predict(many.pixels(), many.n());
            FeatureClassifier.Outputs both = c.evaluate(many.pixels(), many.n());
            assertArrayEquals(f, both.features());
            assertArrayEquals(predicted, both.predicted());
            assertEquals(many.n(), f.length);
            assertEquals(before, Scoped.liveArrays());
            // chunking does not change the features
            double[][] one = c.features(java.util.Arrays.copyOfRange(many.pixels(),
                    (FeatureClassifier.CHUNK + 3) * many.imageSize(), (FeatureClassifier.CHUNK + 4) * many.imageSize()), 1);
            assertArrayEquals(f[FeatureClassifier.CHUNK + 3], one[0], 1e-5);
            // another thread (where PyTorch records gradients by default) gets the same features, and its grad
            // mode is restored
            double[][][] other = new double[1][][];
            boolean[] gradMode = new boolean[2];
            Thread t = new Thread(() -> {
                gradMode[0] = ai.djl.pytorch.jni.JniUtils.isGradMode();
                other[0] = c.features(many.pixels(), 40);
                gradMode[1] = ai.djl.pytorch.jni.JniUtils.isGradMode();
            });
            t.start();
            assertDoesNotThrow(() -> t.join());
            assertArrayEquals(java.util.Arrays.copyOf(f, 40), other[0]);
            assertEquals(gradMode[0], gradMode[1]);
            assertEquals(before, Scoped.liveArrays());
        }
    }

    @Test
    void theKeyDependsOnPixelsLabelsAndConfig() {
        String key = FeatureClassifier.cacheKey(train, TINY);
        assertEquals(key, FeatureClassifier.cacheKey(SyntheticImages.make(400, 4, 3, 16, 0.4, 0, 1), TINY));
        float[] pixels = train.pixels().clone();
        pixels[pixels.length - 1] = Math.nextUp(pixels[pixels.length - 1]);
        assertNotEquals(key, FeatureClassifier.cacheKey(new ImageSet(train.n(), 3, 16, 16, pixels, train.labels(),
                train.classNames()), TINY));
        int[] labels = train.labels().clone();
        labels[0] = (labels[0] + 1) % 4;
        assertNotEquals(key, FeatureClassifier.cacheKey(new ImageSet(train.n(), 3, 16, 16, train.pixels(), labels,
                train.classNames()), TINY));
        assertNotEquals(key, FeatureClassifier.cacheKey(train, TINY.withSteps(81)));
        assertNotEquals(key, FeatureClassifier.cacheKey(new ImageSet(train.n(), 3, 8, 32, train.pixels(),
                train.labels(), train.classNames()), TINY));
    }

    @Test
    void otherShapesAndClassCountsWork(@TempDir Path dir) {
        // one channel at 12x12 (sides that are not powers of two) with 3 classes, and 32x32 with 2 classes
        ImageSet gray = SyntheticImages.make(120, 3, 1, 12, 0.3, 0, 4);
        ImageSet grayTest = SyntheticImages.make(60, 3, 1, 12, 0.3, 0, 5);
        ClassifierConfig three = new ClassifierConfig(List.of(16, 16, 32), 8, 40, 16, 3e-3, 0, 1);
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(gray, grayTest, three, dir, "cpu", null)) {
            assertEquals(3, c.numClasses());
            assertEquals(8, c.features(grayTest.pixels(), 5)[0].length);
            assertTrue(c.testAccuracy() > 0.6, "accuracy " + c.testAccuracy());
        }
        ImageSet big = SyntheticImages.make(40, 2, 3, 32, 0.3, 0, 6);
        ImageSet bigTest = SyntheticImages.make(20, 2, 3, 32, 0.3, 0, 7);
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(big, bigTest, TINY.withSteps(10), dir, "cpu", null)) {
            assertEquals(2, c.predict(bigTest.pixels(), 2).length);
        }
        assertThrows(IllegalArgumentException.class,
                () -> FeatureClassifier.trainOrLoad(gray, test, three, dir, "cpu", null));
    }

    @Test
    void inputsAreValidated(@TempDir Path dir) {
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, TINY.withSteps(1), dir, "cpu", null)) {
            assertThrows(IllegalArgumentException.class, () -> c.features(new float[10], 1));
            assertThrows(IllegalArgumentException.class, () -> c.predict(test.pixels(), test.n() + 1));
        }
    }

    @Test
    void configIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ClassifierConfig(List.of(), 16, 1, 2, 1e-3, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassifierConfig(List.of(16, 24), 16, 1, 2, 1e-3, 0, 0));
        assertTrue(e.getMessage().startsWith("classifier.widths"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClassifierConfig(List.of(16), 1, 1, 2, 1e-3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierConfig(List.of(16), 16, 0, 2, 1e-3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierConfig(List.of(16), 16, 1, 1, 1e-3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierConfig(List.of(16), 16, 1, 2, 0, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ClassifierConfig(List.of(16), 16, 1, 2, Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClassifierConfig(List.of(16), 16, 1, 2, 1e-3, -1, 0));
        ClassifierConfig d = ClassifierConfig.defaults();
        assertTrue(d.widths().stream().allMatch(w -> w % 16 == 0));
        // schedule: warm-up to the peak, cosine to 0
        assertEquals(d.learningRate() / d.warmupSteps(), d.learningRateAt(0), 1e-15);
        assertEquals(d.learningRate(), d.learningRateAt(d.warmupSteps()), 1e-15);
        assertEquals(0, d.learningRateAt(d.steps()), 1e-15);
        assertTrue(d.learningRateAt(d.steps() - 1) < 1e-3 * d.learningRate());
    }
}
