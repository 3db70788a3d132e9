package io.github.sibench.datasets.plane;

import io.github.sibench.core.stats.Gaussian2;

/**
 * The class structure of a labelled 2D distribution, known exactly: each class's weight and moments, and
 * which class a point of the plane belongs to (SPEC section 5, per-cluster mass and guided hit rate).
 *
 * <p>{@link #classOf} returns a class in {@code [0, numClasses)} or {@link #OFF_SUPPORT} for a point
 * farther than {@link #offSupportRadius()} from the distribution (the implementation states its distance).
 */
public interface ClassRegions {

    /** The class of a point that belongs to no class: it lies farther than the off-support radius. */
    int OFF_SUPPORT = -1;

    /** Number of classes; classes are {@code 0 .. numClasses() - 1}. */
    int numClasses();

    /** The class weights {@code W_c} (a new array, sums to 1). */
    double[] classWeights();

    /** The exact mean and covariance of class c (the distribution conditioned on the class). */
    Gaussian2 classMoments(int c);

    /** The radius beyond which a point is {@link #OFF_SUPPORT}, in the plane's units. */
    double offSupportRadius();

    /** The class of the point (x, y), or {@link #OFF_SUPPORT}. */
    int classOf(double x, double y);

    /** {@link #classOf(double, double)} at each of the n points of {@code xy} (length 2n, row-major). */
    default int[] classOf(double[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("xy must hold n * 2 row-major coordinates, got length " + xy.length);
        }
        int[] out = new int[xy.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = classOf(xy[2 * i], xy[2 * i + 1]);
        }
        return out;
    }
}
