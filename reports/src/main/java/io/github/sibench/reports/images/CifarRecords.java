package io.github.sibench.reports.images;

import io.github.sibench.reports.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated images as records of the CIFAR-10 binary layout (Krizhevsky, 2009): per image, 1 label byte, then
 * {@code channels * height * width} pixel bytes, one plane per channel (red, green, blue), each row-major —
 * exactly one NCHW image of {@link Pixels#quantize} bytes. The file is the records back to back, with no header.
 *
 * <p>Images generated at 16x16 (2x average-pooled CIFAR) can be written with {@code upsample2x}: each pixel
 * becomes a 2x2 block (nearest neighbour), so a 3-channel record has 3,072 pixel bytes like real CIFAR-10 and
 * any CIFAR tool reads the file. 2x2 average pooling of the written images gives back the generated ones
 * exactly (the four bytes of a block are equal), which is what {@link #read} with {@code downsample2x} and the
 * datasets' CIFAR loader with its 2x2 pooling option do.
 */
public final class CifarRecords {

    /**
     * Images read from a record file.
     *
     * @param n number of records
     * @param channels channels per image
     * @param height image height (after any downsampling)
     * @param width image width (after any downsampling)
     * @param labels one label in [0, 255] per image
     * @param quantized NCHW unsigned bytes, {@code n * channels * height * width}
     */
    public record Records(int n, int channels, int height, int width, int[] labels, byte[] quantized) {
        public Records {
            if (labels.length != n || quantized.length != (long) n * channels * height * width) {
                throw new IllegalArgumentException("CifarRecords.Records: " + labels.length + " labels and "
                        + quantized.length + " bytes do not fit n=" + n + " images of " + channels + "x" + height
                        + "x" + width + "; build it with CifarRecords.read");
            }
        }

        /** The images as floats {@code q / 127.5 - 1} ({@link Pixels#dequantize}). */
        public float[] pixels() {
            return Pixels.dequantize(quantized);
        }
    }

    private CifarRecords() {}

    /** Writes {@code n} images (NCHW bytes) and their labels as CIFAR-layout records, atomically. */
    public static void write(Path target, byte[] quantized, int[] labels, int n, int channels, int height,
            int width) {
        write(target, quantized, labels, n, channels, height, width, false);
    }

    /**
     * Writes {@code n} images and their labels as CIFAR-layout records, atomically; with {@code upsample2x} each
     * image is written at {@code 2 * height x 2 * width}, every pixel repeated as a 2x2 block (for 16x16x3 images
     * this gives the 3,073-byte records of CIFAR-10).
     *
     * @throws IllegalArgumentException if a label is outside [0, 255] or the sizes do not match
     */
    public static void write(Path target, byte[] quantized, int[] labels, int n, int channels, int height,
            int width, boolean upsample2x) {
        checkSizes("write", n, channels, height, width);
        if (labels.length != n || quantized.length != (long) n * channels * height * width) {
            throw new IllegalArgumentException("CifarRecords.write: " + labels.length + " labels and "
                    + quantized.length + " bytes do not fit n=" + n + " images of " + channels + "x" + height + "x"
                    + width + "; pass one label and channels*height*width bytes per image");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("CifarRecords.write: label " + labels[i] + " of image " + i
                        + " is outside [0, 255]; a CIFAR record stores its label in one byte");
            }
        }
        int f = upsample2x ? 2 : 1;
        int imageSize = channels * height * width;
        byte[] record = new byte[1 + imageSize * f * f];
        AtomicFiles.writeBytes(target, out -> {
            for (int i = 0; i < n; i++) {
                record[0] = (byte) labels[i];
                int o = 1;
                for (int c = 0; c < channels; c++) {
                    for (int y = 0; y < height * f; y++) {
                        int src = i * imageSize + (c * height + y / f) * width;
                        for (int x = 0; x < width * f; x++) {
                            record[o++] = quantized[src + x / f];
                        }
                    }
                }
                out.write(record);
            }
        });
    }

    /**
     * Reads a record file of images of {@code channels x height x width}, as stored or, with
     * {@code downsample2x}, stored at {@code 2 * height x 2 * width} and 2x2 average-pooled back (each byte the
     * mean of its four bytes rounded to nearest, ties up; exact for files written with {@code upsample2x}).
     *
     * @throws IllegalArgumentException if the file size is not a whole number of records (truncated record)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Records read(Path file, int channels, int height, int width, boolean downsample2x) {
        checkSizes("read", 0, channels, height, width);
        int f = downsample2x ? 2 : 1;
        int storedH = height * f;
        int storedW = width * f;
        int recordBytes = 1 + channels * storedH * storedW;
        try {
            long size = Files.size(file);
            if (size % recordBytes != 0) {
                throw new IllegalArgumentException("CifarRecords.read: truncated record in " + file + ": " + size
                        + " bytes is " + size / recordBytes + " records of " + recordBytes + " bytes and "
                        + size % recordBytes + " bytes over; the file is damaged or not " + channels + "x" + storedH
                        + "x" + storedW + " records");
            }
            long n = size / recordBytes;
            long total = n * channels * height * width;
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("CifarRecords.read: " + file + " holds " + n
                        + " records, too many for one array; split the file");
            }
            int[] labels = new int[(int) n];
            byte[] out = new byte[(int) total];
            byte[] record = new byte[recordBytes];
            int imageSize = channels * height * width;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                for (int i = 0; i < n; i++) {
                    if (in.readNBytes(record, 0, recordBytes) != recordBytes) {
                        throw new IllegalArgumentException("CifarRecords.read: truncated record " + i + " in " + file
                                + ": the file shrank while being read; read it again");
                    }
                    labels[i] = record[0] & 0xff;
                    pool(record, out, i * imageSize, channels, height, width, f);
                }
            }
            return new Records((int) n, channels, height, width, labels, out);
        } catch (IOException e) {
            throw new UncheckedIOException("CifarRecords.read: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Copies (f = 1) or 2x2 average-pools (f = 2) the pixel bytes of one record into {@code out} at {@code at}. */
    private static void pool(byte[] record, byte[] out, int at, int channels, int height, int width, int f) {
        int storedW = width * f;
        int o = at;
        for (int c = 0; c < channels; c++) {
            int plane = 1 + c * height * f * storedW;
            for (int y = 0; y < height; y++) {
                int r0 = plane + y * f * storedW;
                for (int x = 0; x < width; x++) {
                    if (f == 1) {
                        out[o++] = record[r0 + x];
                    } else {
                        int r1 = r0 + storedW;
                        int sum = (record[r0 + 2 * x] & 0xff) + (record[r0 + 2 * x + 1] & 0xff)
                                + (record[r1 + 2 * x] & 0xff) + (record[r1 + 2 * x + 1] & 0xff);
                        out[o++] = (byte) ((sum + 2) / 4);
                    }
                }
            }
        }
    }

    private static void checkSizes(String method, int n, int channels, int height, int width) {
        if (n < 0 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("CifarRecords." + method + ": n=" + n + ", channels=" + channels
                    + ", height=" + height + ", width=" + width + " must be n >= 0 and positive sizes");
        }
    }
}
