package io.github.sibench.datasets.plane;

/** An exactly known probability density on the plane, evaluated in log space. */
@FunctionalInterface
public interface Density2D {

    /** {@code log p(x, y)}; {@code -infinity} outside the support. */
    double logDensity(double x, double y);

    /** {@code log p} at each of the n points of {@code xy} (length 2n, row-major). */
    default double[] logDensity(double[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("xy must hold n * 2 row-major coordinates, got length " + xy.length);
        }
        double[] out = new double[xy.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = logDensity(xy[2 * i], xy[2 * i + 1]);
        }
        return out;
    }
}
