package io.github.sibench.reports.images;

import io.github.sibench.reports.AtomicFiles;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes images as one PNG grid for people to look at, with the JDK's ImageIO, atomically.
 *
 * <p>Input is NCHW floats in [-1, 1] ({@code pixels[((i * channels + c) * height + y) * width + x]}), shown as
 * the bytes of {@link Pixels#quantize} (the same bytes that are measured), grey for 1 channel and RGB for 3.
 * Each image is enlarged by an integer {@code scale} with nearest neighbour (every pixel becomes a
 * {@code scale x scale} block, so nothing is blurred) and tiles are separated, and surrounded, by
 * {@code padding} white pixels: tile (row r, column k) starts at
 * {@code x = padding + k * (width * scale + padding)}, {@code y = padding + r * (height * scale + padding)}.
 * Cells without an image stay white.
 */
public final class ImageGrid {

    private ImageGrid() {}

    /**
     * Writes the {@code n} images row-major, {@code columns} per row (fewer columns when {@code n < columns}),
     * {@code ceil(n / columns)} rows.
     */
    public static void writePng(Path target, float[] pixelsNCHW, int n, int channels, int height, int width,
            int columns, int scale, int padding) {
        checkShape("writePng", pixelsNCHW, n, channels, height, width, scale, padding);
        if (columns < 1) {
            throw new IllegalArgumentException("ImageGrid.writePng: columns=" + columns + " must be >= 1");
        }
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int[][] cells = new int[rows][cols];
        for (int[] row : cells) {
            Arrays.fill(row, -1);
        }
        for (int i = 0; i < n; i++) {
            cells[i / cols][i % cols] = i;
        }
        write(target, render(pixelsNCHW, channels, height, width, cells, scale, padding));
    }

    /**
     * Writes one row per class: the first {@code maxClasses} distinct labels in increasing order, each row
     * holding the first {@code perClass} images of that label in input order (a class with fewer images leaves
     * its remaining cells white).
     */
    public static void writeClassGrid(Path target, float[] pixels, int[] labels, int n, int c, int h, int w,
            int perClass, int maxClasses, int scale, int padding) {
        checkShape("writeClassGrid", pixels, n, c, h, w, scale, padding);
        if (labels.length != n) {
            throw new IllegalArgumentException("ImageGrid.writeClassGrid: labels.length=" + labels.length
                    + " is not n=" + n + "; pass one label per image");
        }
        if (perClass < 1 || maxClasses < 1) {
            throw new IllegalArgumentException("ImageGrid.writeClassGrid: perClass=" + perClass + ", maxClasses="
                    + maxClasses + " must both be >= 1");
        }
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int label : labels) {
            distinct.add(label);
        }
        int rows = Math.min(maxClasses, distinct.size());
        int[][] cells = new int[rows][perClass];
        Iterator<Integer> it = distinct.iterator();
        for (int r = 0; r < rows; r++) {
            int label = it.next();
            Arrays.fill(cells[r], -1);
            for (int i = 0, k = 0; i < n && k < perClass; i++) {
                if (labels[i] == label) {
                    cells[r][k++] = i;
                }
            }
        }
        write(target, render(pixels, c, h, w, cells, scale, padding));
    }

    private static void checkShape(String method, float[] pixels, int n, int channels, int height, int width,
            int scale, int padding) {
        String where = "ImageGrid." + method + ": ";
        if (n < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(where + "n=" + n + ", height=" + height + ", width=" + width
                    + " must all be >= 1; there must be an image to show");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(where + "channels=" + channels + " must be 1 (grey) or 3 (RGB)");
        }
        if ((long) n * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(where + "pixels.length=" + pixels.length + " is not n*c*h*w="
                    + (long) n * channels * height * width + "; pass NCHW images");
        }
        if (scale < 1 || padding < 0) {
            throw new IllegalArgumentException(where + "scale=" + scale + ", padding=" + padding
                    + " must be scale >= 1 and padding >= 0");
        }
    }

    /** Draws the grid; {@code cells[row][col]} is an image index or -1 for an empty (white) cell. */
    private static BufferedImage render(float[] pixels, int channels, int height, int width, int[][] cells,
            int scale, int padding) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        long tileW = (long) width * scale;
        long tileH = (long) height * scale;
        long gridW = cols * (tileW + padding) + padding;
        long gridH = rows * (tileH + padding) + padding;
        if (gridW * gridH > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("ImageGrid: a " + gridW + " x " + gridH
                    + " grid is too large; lower scale, columns or the number of images");
        }
        int gw = (int) gridW;
        BufferedImage img = new BufferedImage(gw, (int) gridH,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        int[] rgb = channels == 3 ? ((DataBufferInt) img.getRaster().getDataBuffer()).getData() : null;
        byte[] grey = channels == 1 ? ((DataBufferByte) img.getRaster().getDataBuffer()).getData() : null;
        if (rgb != null) {
            Arrays.fill(rgb, 0xffffff);
        } else {
            Arrays.fill(grey, (byte) 0xff);
        }
        int imageSize = channels * height * width;
        int plane = height * width;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                int i = cells[r][k];
                if (i < 0) {
                    continue;
                }
                byte[] q = Pixels.quantize(Arrays.copyOfRange(pixels, i * imageSize, (i + 1) * imageSize));
                int x0 = padding + k * (int) (tileW + padding);
                int y0 = padding + r * (int) (tileH + padding);
                for (int y = 0; y < height * scale; y++) {
                    int src = (y / scale) * width;
                    int dst = (y0 + y) * gw + x0;
                    for (int x = 0; x < width * scale; x++) {
                        int s = src + x / scale;
                        if (rgb != null) {
                            rgb[dst + x] = (q[s] & 0xff) << 16 | (q[plane + s] & 0xff) << 8 | (q[2 * plane + s] & 0xff);
                        } else {
                            grey[dst + x] = q[s];
                        }
                    }
                }
            }
        }
        return img;
    }

    private static void write(Path target, BufferedImage img) {
        AtomicFiles.writeBytes(target, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(img);
            } finally {
                writer.dispose();
            }
        });
    }
}
