package io.github.sibench.benchmark.images;

import io.github.sibench.datasets.images.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic labelled images for tests: class c of k has its own colour (channel means spread over [-0.6,
 * 0.6]) and horizontal stripes of period {@code 2 + c} rows (left-right symmetric, so flipping keeps the
 * class), plus independent N(0, noise^2) pixel noise, clipped to [-1, 1]. Classes are balanced (image i has
 * class i mod k).
 */
final class SyntheticImages {

    private SyntheticImages() {
    }

    static ImageSet make(int n, int classes, int channels, int side, double noise, double shift, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int size = channels * side * side;
        float[] pixels = new float[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int ch = 0; ch < channels; ch++) {
                double colour = -0.6 + 1.2 * ((c + ch) % classes) / Math.max(1, classes - 1);
                for (int y = 0; y < side; y++) {
                    double stripe = ((y / (2 + c)) % 2 == 0 ? 0.3 : -0.3);
                    for (int x = 0; x < side; x++) {
                        double v = colour + stripe + shift + noise * rng.nextGaussian();
                        pixels[i * size + (ch * side + y) * side + x] = (float) Math.max(-1, Math.min(1, v));
                    }
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        return new ImageSet(n, channels, side, side, pixels, labels, names);
    }
}
