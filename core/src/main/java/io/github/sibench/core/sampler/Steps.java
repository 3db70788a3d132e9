package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.util.Scoped;

/**
 * The loop shared by every fixed-step sampler: {@code x_{i+1} = step(i, x_i)} for {@code i < n}, each step
 * run through {@link Scoped#run} so that everything it creates except its result is closed, and each
 * intermediate {@code x_i} closed once the next one exists. The caller's start array is never closed.
 */
final class Steps {

    private Steps() {}

    /** One step of a loop; must return a new array (never its input). */
    @FunctionalInterface
    interface Step {
        NDArray apply(int i, NDArray x);
    }

    /** Runs {@code n >= 1} steps from {@code start} and returns the last iterate. */
    static NDArray iterate(NDArray start, int n, Step step) {
        NDArray x = start;
        try {
            for (int i = 0; i < n; i++) {
                final int index = i;
                final NDArray current = x;
                NDArray next = Scoped.run(() -> step.apply(index, current));
                release(current, start);
                x = next;
            }
            return x;
        } catch (RuntimeException e) {
            release(x, start);
            throw e;
        }
    }

    /** Closes {@code x} unless it is the caller's {@code input}. */
    static void release(NDArray x, NDArray input) {
        if (x != null && x != input) {
            x.close();
        }
    }

    /**
     * Closes a Runge-Kutta stage point once its field value exists, unless the field returned the point
     * itself (the {@code VectorField} contract does not promise a new array).
     */
    static void releaseStage(NDArray point, NDArray value) {
        if (point != null && point != value) {
            point.close();
        }
    }

    /** {@code x + h sum_j c_j k_j}: a Runge-Kutta stage or update, accumulated in one new array. */
    static NDArray combine(NDArray x, double h, double[] c, NDArray... k) {
        return weightedSum(h, c, k).addi(x);
    }

    /**
     * {@code h sum_j c_j k_j} over the first {@code c.length} arrays, skipping zero coefficients; accumulated
     * in place so that at most one temporary is alive besides the result.
     */
    static NDArray weightedSum(double h, double[] c, NDArray... k) {
        NDArray sum = null;
        for (int j = 0; j < c.length; j++) {
            if (c[j] == 0) {
                continue;
            }
            if (sum == null) {
                sum = k[j].mul(h * c[j]);
            } else {
                try (NDArray term = k[j].mul(h * c[j])) {
                    sum.addi(term);
                }
            }
        }
        if (sum == null) {
            throw new IllegalArgumentException("weighted sum with all coefficients zero");
        }
        return sum;
    }

    static int positiveSteps(String sampler, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(sampler + ": steps must be >= 1, got " + steps);
        }
        return steps;
    }

    static void checkTimes(String sampler, double tStart, double tEnd) {
        if (!Double.isFinite(tStart) || !Double.isFinite(tEnd)) {
            throw new IllegalArgumentException(sampler + ": times must be finite, got " + tStart + " -> " + tEnd);
        }
    }
}
