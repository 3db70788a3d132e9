package io.github.sibench.core.stats;

/** Conversions between row-major {@code double[]} feature matrices and {@code double[][]} rows. */
public final class Features {

    private Features() {
    }

    /** The rows of the row-major n x k matrix {@code data}; its length must be a positive multiple of k. */
    public static double[][] rows(double[] data, int k) {
        if (k <= 0 || data.length == 0 || data.length % k != 0) {
            throw new IllegalArgumentException("features: length " + data.length
                    + " is not a positive multiple of the feature count " + k);
        }
        int n = data.length / k;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(data, i * k, (i + 1) * k);
        }
        return out;
    }
}
