package io.github.sibench.datasets.embedding;

import java.util.Objects;

/**
 * A per-dimension affine standardisation {@code z_j = (x_j - mean_j) / std_j} of d-dimensional
 * batches stored row-major as {@code float[n * d]}.
 *
 * <p>The record owns its arrays and does not copy them (do not mutate them).
 *
 * @param mean per-dimension mean, length d (finite)
 * @param std per-dimension standard deviation, length d (finite, > 0)
 */
public record ZScore(float[] mean, float[] std) {

    /** Validates lengths and values. */
    public ZScore {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException(
                    "mean and std must have the same positive length, got " + mean.length + " and " + std.length);
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Float.isFinite(mean[j]) || !(std[j] > 0) || !Float.isFinite(std[j])) {
                throw new IllegalArgumentException("dimension " + j + ": need finite mean and finite std > 0, got mean "
                        + mean[j] + ", std " + std[j]);
            }
        }
    }

    /** The dimension d. */
    public int dim() {
        return mean.length;
    }

    /** {@code (x - mean) / std} row by row, for x of n rows (a new array). */
    public float[] apply(float[] x, int n) {
        checkBatch(x, n);
        int d = dim();
        float[] z = new float[x.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i * d + j] = (x[i * d + j] - mean[j]) / std[j];
            }
        }
        return z;
    }

    /** {@code z * std + mean} row by row, the inverse of {@link #apply} (a new array). */
    public float[] invert(float[] z, int n) {
        checkBatch(z, n);
        int d = dim();
        float[] x = new float[z.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = z[i * d + j] * std[j] + mean[j];
            }
        }
        return x;
    }

    private void checkBatch(float[] x, int n) {
        if (n < 0 || x.length != (long) n * dim()) {
            throw new IllegalArgumentException(
                    "batch of " + n + " rows of dimension " + dim() + " needs length " + ((long) n * dim())
                            + ", got " + x.length);
        }
    }
}
