package io.github.sibench.models.guidance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;

/**
 * Class labels as network inputs: one-hot vectors of width numClasses + 1 whose last column is the
 * null label (no class), as classifier-free guidance needs (Ho and Salimans 2022).
 */
public final class Labels {

    private Labels() {}

    /**
     * One-hot rows for {@code labels} ({@code -1}: the null label) on {@code manager}.
     *
     * @throws IllegalArgumentException for a label outside [-1, numClasses)
     */
    public static NDArray oneHot(NDManager manager, int[] labels, int numClasses) {
        float[] hot = new float[labels.length * (numClasses + 1)];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < -1 || l >= numClasses) {
                throw new IllegalArgumentException("label " + l + " outside [-1, " + numClasses + ")");
            }
            hot[i * (numClasses + 1) + (l < 0 ? numClasses : l)] = 1;
        }
        return manager.create(hot, new Shape(labels.length, numClasses + 1));
    }

    /** n rows of the null label. */
    public static NDArray nullLabels(NDManager manager, int n, int numClasses) {
        int[] none = new int[n];
        java.util.Arrays.fill(none, -1);
        return oneHot(manager, none, numClasses);
    }

    /** Each label replaced by the null label (-1) with probability {@code p} (CFG training dropout). */
    public static int[] dropout(int[] labels, double p, RandomGenerator rng) {
        int[] out = labels.clone();
        if (p > 0) {
            for (int i = 0; i < out.length; i++) {
                if (rng.nextDouble() < p) {
                    out[i] = -1;
                }
            }
        }
        return out;
    }
}
