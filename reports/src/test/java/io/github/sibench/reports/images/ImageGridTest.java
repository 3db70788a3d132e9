package io.github.sibench.reports.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    private static final int WHITE = 0xffffff;

    @TempDir
    Path dir;

    /** Byte of image i, channel c, row y, column x: distinct across the test images and never 255. */
    private static int value(int i, int c, int y, int x) {
        return 10 + 60 * i + 20 * c + 7 * y + 3 * x;
    }

    private static float[] images(int n, int channels, int h, int w) {
        byte[] q = new byte[n * channels * h * w];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        q[((i * channels + c) * h + y) * w + x] = (byte) value(i, c, y, x);
                    }
                }
            }
        }
        return Pixels.dequantize(q);
    }

    private static int rgb(int i, int y, int x) {
        return value(i, 0, y, x) << 16 | value(i, 1, y, x) << 8 | value(i, 2, y, x);
    }

    @Test
    void rgbGridHasTheSizeColoursScalingAndWhitePaddingExpected() throws Exception {
        int n = 3, h = 2, w = 3, columns = 2, scale = 3, padding = 2;
        Path f = dir.resolve("grid/samples.png");
        ImageGrid.writePng(f, images(n, 3, h, w), n, 3, h, w, columns, scale, padding);
        BufferedImage img = ImageIO.read(f.toFile());
        // 2 columns, 2 rows of 9x6 tiles, 2 px around and between
        assertEquals(2 * (9 + 2) + 2, img.getWidth());
        assertEquals(2 * (6 + 2) + 2, img.getHeight());
        // every pixel of each scaled tile is its source pixel: tile (r, k) at (2 + 11k, 2 + 8r)
        int[][] origin = {{2, 2}, {13, 2}, {2, 10}};
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < h * scale; y++) {
                for (int x = 0; x < w * scale; x++) {
                    assertEquals(rgb(i, y / scale, x / scale),
                            img.getRGB(origin[i][0] + x, origin[i][1] + y) & WHITE, "image " + i + " at " + x + "," + y);
                }
            }
        }
        // the rest is white: border, gaps, and the empty fourth cell
        int white = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                white += (img.getRGB(x, y) & WHITE) == WHITE ? 1 : 0;
            }
        }
        assertEquals(img.getWidth() * img.getHeight() - n * 9 * 6, white);
        assertEquals(WHITE, img.getRGB(0, 0) & WHITE);
        assertEquals(WHITE, img.getRGB(11, 5) & WHITE); // gap between columns
        assertEquals(WHITE, img.getRGB(5, 8) & WHITE); // gap between rows
        assertEquals(WHITE, img.getRGB(15, 12) & WHITE); // empty cell
        assertEquals(rgb(1, 1, 2), img.getRGB(13 + 8, 2 + 5) & WHITE); // last pixel of image 1
    }

    @Test
    void greyGridWritesOneChannelWithNoPaddingWhenAsked() throws Exception {
        int n = 4, h = 3, w = 2, scale = 2;
        Path f = dir.resolve("grey.png");
        ImageGrid.writePng(f, images(n, 1, h, w), n, 1, h, w, 8, scale, 0);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(1, img.getRaster().getNumBands());
        assertEquals(n * w * scale, img.getWidth()); // columns beyond n are not drawn
        assertEquals(h * scale, img.getHeight());
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < h * scale; y++) {
                for (int x = 0; x < w * scale; x++) {
                    assertEquals(value(i, 0, y / scale, x / scale),
                            img.getRaster().getSample(i * w * scale + x, y, 0));
                }
            }
        }
    }

    @Test
    void classGridShowsTheFirstImagesOfTheSmallestLabelsOneRowEach() throws Exception {
        int[] labels = {5, 2, 7, 2, 5, 9, 2, 7, 2, 0};
        int n = labels.length, h = 2, w = 2, scale = 2, padding = 1;
        // image i is one flat colour: red = 20 * label, green = 20 * i, blue = 77
        float[] px = new float[n * 3 * h * w];
        for (int i = 0; i < n; i++) {
            int[] colour = {20 * labels[i], 20 * i, 77};
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < h * w; k++) {
                    px[(i * 3 + c) * h * w + k] = colour[c] / 127.5f - 1f;
                }
            }
        }
        Path f = dir.resolve("classes.png");
        ImageGrid.writeClassGrid(f, px, labels, n, 3, h, w, 2, 3, scale, padding);
        BufferedImage img = ImageIO.read(f.toFile());
        int tile = h * scale + padding;
        assertEquals(2 * tile + padding, img.getWidth());
        assertEquals(3 * tile + padding, img.getHeight()); // labels 0, 2, 5 of 0, 2, 5, 7, 9
        int[][] expected = {{9, -1}, {1, 3}, {0, 4}}; // image shown in row (label 0, 2, 5), column
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 2; k++) {
                int colour = img.getRGB(padding + k * tile + 1, padding + r * tile + 1) & WHITE;
                int i = expected[r][k];
                int want = i < 0 ? WHITE : (20 * labels[i]) << 16 | (20 * i) << 8 | 77;
                assertEquals(want, colour, "row " + r + ", column " + k);
            }
        }
    }

    @Test
    void nonFiniteImagesAndBadShapesAreRefusedWithoutWritingAFile() {
        Path f = dir.resolve("bad.png");
        float[] px = images(2, 3, 2, 2);
        px[5] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writePng(f, px, 2, 3, 2, 2, 2, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.writePng(f, images(2, 2, 2, 2), 2, 2, 2, 2, 2, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.writePng(f, images(2, 3, 2, 2), 3, 3, 2, 2, 2, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.writePng(f, images(2, 3, 2, 2), 2, 3, 2, 2, 2, 0, 1));
        assertFalse(Files.exists(f));
    }
}
