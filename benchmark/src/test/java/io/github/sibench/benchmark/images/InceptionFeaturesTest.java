package io.github.sibench.benchmark.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InceptionFeatures} on hand-written TorchScript modules ({@link TorchScriptArchives}) with the
 * Inception file's calling convention, whose features are known exactly: per-channel means of the 8-bit
 * pixel values. The real file is never needed nor downloaded.
 */
class InceptionFeaturesTest {

    @TempDir
    Path dir;

    private static void assertOneLine(String message) {
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void missingFileNamesTheFieldAndWhereToGetIt() {
        Path missing = dir.resolve("nowhere").resolve("inception-2015-12-05.pt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InceptionFeatures.load(missing, Device.cpu()));
        assertEquals("images.inception: no file at " + missing + "; download inception-2015-12-05.pt from "
                + InceptionFeatures.OFFICIAL_URL + " or remove the field", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InceptionFeatures.requireFile(dir.toString()));
        assertTrue(e.getMessage().startsWith("images.inception: " + dir + " is a folder"), e.getMessage());
    }

    @Test
    void fileThatIsNotTorchScriptIsRefusedInOneLine() throws Exception {
        Path garbage = dir.resolve("garbage.pt");
        byte[] bytes = new byte[4096];
        new SplittableRandom(7).nextBytes(bytes);
        Files.write(garbage, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InceptionFeatures.load(garbage, Device.cpu()));
        assertTrue(e.getMessage().startsWith("images.inception: " + garbage + " does not load as a TorchScript module ("),
                e.getMessage());
        assertOneLine(e.getMessage());

        // a pickle as torch.save writes it (0x80 0x02 first) is not a TorchScript archive either
        Path pickle = dir.resolve("state-dict.pt");
        Files.write(pickle, new byte[] {(byte) 0x80, 2, '}', '.'});
        e = assertThrows(IllegalArgumentException.class, () -> InceptionFeatures.load(pickle, Device.cpu()));
        assertTrue(e.getMessage().contains("does not load as a TorchScript module"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void featuresAreThoseOfTheEightBitImagesPassedWithReturnFeatures() {
        int n = 7;
        int c = 3;
        int h = 5;
        int w = 4;
        float[] pixels = new float[n * c * h * w];
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) (rng.nextDouble() * 2.4 - 1.2); // some outside [-1, 1]: clipped
        }
        pixels[3] = Float.NaN; // as 0: mid-grey 128
        // batches of 3: two full ones and a partial one
        try (InceptionFeatures f = InceptionFeatures.load(TorchScriptArchives.channelMeans(dir), Device.cpu(), 3)) {
            double[][] features = f.features(pixels, n, c, h, w);
            assertEquals(3, f.dimension());
            assertEquals(n, features.length);
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int k = 0; k < h * w; k++) {
                        float v = pixels[(i * c + ch) * h * w + k];
                        double clipped = Float.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
                        sum += Math.round((clipped + 1) * 127.5);
                    }
                    // the module averages 20 integers <= 255 in float32: exact to a few ulps of 255
                    assertEquals(sum / (h * w), features[i][ch], 1e-4, "image " + i + " channel " + ch);
                }
            }
        }
    }

    @Test
    void eightBitValuesMatchTheQuantizationOfTheWrittenImages() {
        assertEquals(0f, InceptionFeatures.eightBit(-1f));
        assertEquals(255f, InceptionFeatures.eightBit(1f));
        assertEquals(0f, InceptionFeatures.eightBit(-7f));
        assertEquals(255f, InceptionFeatures.eightBit(3f));
        assertEquals(128f, InceptionFeatures.eightBit(Float.NaN)); // 127.5 rounds up
        for (int q = 0; q < 256; q++) {
            assertEquals(q, InceptionFeatures.eightBit(q / 127.5f - 1f), "byte " + q);
        }
    }

    @Test
    void grayscaleImagesAreRepeatedToThreeChannels() {
        float[] pixels = {-1f, 1f, 1f, 1f, /* image 2 */ 0f, 0f, 0f, 0f};
        try (InceptionFeatures f = InceptionFeatures.load(TorchScriptArchives.channelMeans(dir), Device.cpu())) {
            double[][] features = f.features(pixels, 2, 1, 2, 2);
            for (int ch = 0; ch < 3; ch++) {
                assertEquals(3 * 255 / 4.0, features[0][ch], 1e-4);
                assertEquals(128, features[1][ch], 1e-4);
            }
        }
    }

    @Test
    void outputOfTheWrongShapeIsRefused() {
        try (InceptionFeatures f = InceptionFeatures.load(TorchScriptArchives.wrongShape(dir), Device.cpu())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> f.features(new float[2 * 3 * 4 * 4], 2, 3, 4, 4));
            assertTrue(e.getMessage().startsWith("images.inception: "), e.getMessage());
            assertTrue(e.getMessage().contains("returned shape (2, 3, 1, 4) for 2 images, expected (2, D)"), e.getMessage());
            assertOneLine(e.getMessage());
        }
    }

    @Test
    void failureInsideTheModuleIsOneLine() {
        Path asserting = TorchScriptArchives.write(dir.resolve("asserting.pt"), "Asserting", """
                    _0 = torch.size(img, 1)
                    if torch.eq(_0, 4):
                      pass
                    else:
                      ops.prim.RaiseException("AssertionError: ")
                    return torch.mean(img, [2, 3])
                """);
        try (InceptionFeatures f = InceptionFeatures.load(asserting, Device.cpu())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> f.features(new float[3 * 4], 1, 3, 2, 2));
            assertTrue(e.getMessage().startsWith("images.inception: forward(img, return_features=True) of "),
                    e.getMessage());
            assertOneLine(e.getMessage());
        }
    }

    @Test
    void gradModeIsRestoredInThreadsWhereItIsOn() throws Exception {
        boolean[] mode = new boolean[2];
        Path file = TorchScriptArchives.channelMeans(dir);
        Thread t = new Thread(() -> {
            try (InceptionFeatures f = InceptionFeatures.load(file, Device.cpu())) {
                JniUtils.setGradMode(true);
                f.features(new float[3 * 4 * 2], 2, 3, 2, 2);
                mode[0] = JniUtils.isGradMode();
                JniUtils.setGradMode(false);
                f.features(new float[3 * 4 * 2], 2, 3, 2, 2);
                mode[1] = JniUtils.isGradMode();
            }
        });
        t.start();
        t.join();
        assertTrue(mode[0]);
        assertEquals(false, mode[1]);
    }

    @Test
    void argumentsAreChecked() {
        try (InceptionFeatures f = InceptionFeatures.load(TorchScriptArchives.channelMeans(dir), Device.cpu())) {
            assertThrows(IllegalArgumentException.class, () -> f.features(new float[8], 1, 2, 2, 2));
            assertThrows(IllegalArgumentException.class, () -> f.features(new float[11], 1, 3, 2, 2));
            assertEquals(0, f.features(new float[0], 0, 3, 2, 2).length);
        }
        assertThrows(IllegalArgumentException.class,
                () -> InceptionFeatures.load(TorchScriptArchives.channelMeans(dir), Device.cpu(), 0));
    }
}
