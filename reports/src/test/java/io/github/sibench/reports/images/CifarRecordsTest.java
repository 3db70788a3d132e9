package io.github.sibench.reports.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarRecordsTest {

    @TempDir
    Path dir;

    private static byte[] randomBytes(int count, long seed) {
        byte[] b = new byte[count];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void recordsFollowTheCifarLayoutAndRoundTripExactly() throws Exception {
        int n = 5, c = 3, h = 4, w = 3, size = c * h * w;
        byte[] q = randomBytes(n * size, 11);
        int[] labels = {0, 7, 255, 99, 7};
        Path f = dir.resolve("out/generated.bin");
        CifarRecords.write(f, q, labels, n, c, h, w);

        // the file is, per image, its label byte then its NCHW bytes (R plane, G plane, B plane, row-major)
        byte[] file = Files.readAllBytes(f);
        assertEquals(n * (1 + size), file.length);
        for (int i = 0; i < n; i++) {
            assertEquals(labels[i], file[i * (1 + size)] & 0xff);
            for (int k = 0; k < size; k++) {
                assertEquals(q[i * size + k], file[i * (1 + size) + 1 + k]);
            }
        }

        CifarRecords.Records r = CifarRecords.read(f, c, h, w, false);
        assertEquals(n, r.n());
        assertArrayEquals(labels, r.labels());
        assertArrayEquals(q, r.quantized());
        assertArrayEquals(Pixels.dequantize(q), r.pixels());
    }

    @Test
    void upsampledSixteenPixelImagesAreCifarSizedAndPoolBackExactly() throws Exception {
        int n = 4, c = 3, h = 16, w = 16, size = c * h * w;
        byte[] q = randomBytes(n * size, 12);
        int[] labels = {3, 1, 4, 1};
        Path f = dir.resolve("generated32.bin");
        CifarRecords.write(f, q, labels, n, c, h, w, true);
        assertEquals(n * 3073L, Files.size(f)); // 1 label byte + 3,072 pixel bytes, as CIFAR-10

        // read at full size: every generated pixel is a 2x2 block
        CifarRecords.Records big = CifarRecords.read(f, c, 32, 32, false);
        assertArrayEquals(labels, big.labels());
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        assertEquals(q[((i * c + ch) * h + y / 2) * w + x / 2],
                                big.quantized()[((i * c + ch) * 32 + y) * 32 + x]);
                    }
                }
            }
        }

        CifarRecords.Records small = CifarRecords.read(f, c, h, w, true);
        assertEquals(h, small.height());
        assertArrayEquals(labels, small.labels());
        assertArrayEquals(q, small.quantized());
    }

    @Test
    void downsamplingRoundsTheMeanOfEachBlockToNearest() throws Exception {
        // one 1-channel 2x4 record: blocks {0, 1, 1, 1} (mean 0.75 -> 1) and {0, 0, 0, 2} (mean 0.5 -> 1, ties up)
        // and in a second record {10, 10, 10, 11} (10.25 -> 10) and {255, 255, 255, 255}
        byte[] file = {
            9, 0, 1, 0, 0, 1, 1, 0, 2,
            8, 10, 10, (byte) 255, (byte) 255, 10, 11, (byte) 255, (byte) 255};
        Path f = dir.resolve("pool.bin");
        Files.write(f, file);
        CifarRecords.Records r = CifarRecords.read(f, 1, 1, 2, true);
        assertArrayEquals(new int[] {9, 8}, r.labels());
        assertArrayEquals(new byte[] {1, 1, 10, (byte) 255}, r.quantized());
    }

    @Test
    void aTruncatedFileIsRefusedWithItsSize() throws Exception {
        Path f = dir.resolve("cut.bin");
        CifarRecords.write(f, randomBytes(2 * 3072, 13), new int[] {1, 2}, 2, 3, 32, 32);
        Files.write(f, new byte[100], StandardOpenOption.APPEND);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CifarRecords.read(f, 3, 32, 32, false));
        String m = e.getMessage();
        assertTrue(m.contains("truncated record") && m.contains((2 * 3073 + 100) + " bytes")
                && m.contains("100 bytes over"), m);
        assertFalse(m.contains("\n"));
        // the same file is no whole number of 16x16-pooled records either
        assertThrows(IllegalArgumentException.class, () -> CifarRecords.read(f, 3, 16, 16, true));
    }

    @Test
    void labelsOutsideAByteAreRefusedAndNoFileIsWritten() {
        Path f = dir.resolve("labels.bin");
        byte[] q = randomBytes(2 * 4, 14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CifarRecords.write(f, q, new int[] {0, 256}, 2, 1, 2, 2));
        assertTrue(e.getMessage().contains("label 256 of image 1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(IllegalArgumentException.class, () -> CifarRecords.write(f, q, new int[] {-1, 0}, 2, 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> CifarRecords.write(f, q, new int[] {0}, 2, 1, 2, 2));
        assertFalse(Files.exists(f));
    }

    @Test
    void anEmptyFileHoldsNoRecords() throws Exception {
        Path f = dir.resolve("empty.bin");
        CifarRecords.write(f, new byte[0], new int[0], 0, 3, 16, 16, true);
        assertEquals(0, Files.size(f));
        assertEquals(0, CifarRecords.read(f, 3, 16, 16, true).n());
    }
}
