package io.github.sibench.benchmark.metrics;

import java.util.Arrays;

/**
 * Sliced Wasserstein-2 distance between two equally sized point sets in the plane (Rabin, Peyre, Delon
 * and Bernot, "Wasserstein Barycenter and its Application to Texture Mixing", 2011):
 * {@code SW2 = sqrt( mean over directions theta of W2^2(theta . X, theta . Y) )}, where the 1D W2^2 of two
 * n-point sets is the mean squared difference of their sorted projections. The L directions are evenly
 * spaced angles in [0, pi), so the value is deterministic given the two sets.
 */
public final class SlicedWasserstein {

    private SlicedWasserstein() {}

    /**
     * @param a n points, row-major (x0, y0, x1, y1, ...)
     * @param b n points, same layout and size
     * @param directions number of directions L >= 1
     */
    public static double distance(double[] a, double[] b, int directions) {
        if (a.length != b.length || a.length < 2 || a.length % 2 != 0) {
            throw new IllegalArgumentException("sliced W2 needs two equally sized 2D point sets, got "
                    + a.length / 2 + " and " + b.length / 2 + " points");
        }
        int n = a.length / 2;
        double[] pa = new double[n];
        double[] pb = new double[n];
        double sum = 0;
        for (int l = 0; l < directions; l++) {
            double angle = Math.PI * (l + 0.5) / directions;
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            for (int i = 0; i < n; i++) {
                pa[i] = c * a[2 * i] + s * a[2 * i + 1];
                pb[i] = c * b[2 * i] + s * b[2 * i + 1];
            }
            Arrays.sort(pa);
            Arrays.sort(pb);
            double w = 0;
            for (int i = 0; i < n; i++) {
                double d = pa[i] - pb[i];
                w += d * d;
            }
            sum += w / n;
        }
        return Math.sqrt(sum / directions);
    }
}
