package io.github.sibench.datasets.plane;

import java.util.Objects;

/**
 * A batch of n labelled 2D points, as drawn by {@link Toy2D#sample}.
 *
 * <p>Point i is {@code (xy[2i], xy[2i + 1])} (row-major n x 2). {@code labels[i]} is its class in
 * {@code [0, numClasses)} and {@code components[i]} the mixture component or piece of the
 * distribution it was drawn from, in {@code [0, numComponents)} (used for coverage metrics). The
 * record owns its arrays and does not copy them: callers must not share them with code that
 * mutates them.
 *
 * @param xy coordinates, length 2n, row-major
 * @param labels class label of each point, length n
 * @param components component index of each point, length n
 */
public record Points(double[] xy, int[] labels, int[] components) {

    /** Validates that the three arrays describe the same number of points. */
    public Points {
        Objects.requireNonNull(xy, "xy");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(components, "components");
        if (xy.length != 2 * labels.length || components.length != labels.length) {
            throw new IllegalArgumentException("inconsistent lengths: xy " + xy.length + ", labels " + labels.length
                    + ", components " + components.length + " (need 2n, n, n)");
        }
    }

    /** Zero-filled points to be written by a sampler; rejects a negative count. */
    public static Points allocate(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of points must be >= 0, got " + n);
        }
        return new Points(new double[2 * n], new int[n], new int[n]);
    }

    /** The number of points n. */
    public int size() {
        return labels.length;
    }

    /** First coordinate of point i. */
    public double x(int i) {
        return xy[2 * i];
    }

    /** Second coordinate of point i. */
    public double y(int i) {
        return xy[2 * i + 1];
    }
}
