package io.github.sibench.benchmark.metrics;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.plane.GaussianComponents;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Sliced Wasserstein-2 distance in the plane (Rabin, Peyre, Delon and Bernot, "Wasserstein Barycenter and
 * its Application to Texture Mixing", 2011): {@code SW2 = sqrt( mean over directions theta of
 * W2^2(theta . X, theta . Y) )}. The L directions are the evenly spaced angles
 * {@code theta_l = pi (l + 1/2) / L}, l = 0 .. L-1, so the value is deterministic (no random directions,
 * hence no seed) and the mean of {@code theta theta^T} over them is exactly I/2 for L >= 2.
 *
 * <p>Two estimators:
 *
 * <ul>
 *   <li>an instance measures point sets against an exact Gaussian mixture (SPEC section 5): the projection
 *       of {@code sum_k w_k N(m_k, S_k)} on theta is the 1D mixture {@code sum_k w_k N(theta.m_k,
 *       theta^T S_k theta)}, and {@link GaussianMixture1D} gives the exact 1D W2 between it and the n
 *       projected points (no reference samples, whose own noise would be as large as the gaps between
 *       models). The per-direction quantile cells depend only on the mixture, the directions and n, so they
 *       are computed once per n (directions in parallel) and each measurement costs L sorts;
 *   <li>{@link #distance(double[], double[], int)} compares two equally sized point sets (for toys that are
 *       no Gaussian mixture), the 1D W2^2 of two n-point sets being the mean squared difference of their
 *       sorted projections.
 * </ul>
 */
public final class SlicedWasserstein {

    private final int directions;
    private final double[] cos;
    private final double[] sin;
    private final double[] centre; // theta . (mixture mean), subtracted for conditioning
    private final GaussianMixture1D[] projections;
    private final Map<Integer, GaussianMixture1D.Cells[]> cellsBySize = new HashMap<>();

    /** Sliced W2 to the exact mixture {@code mixture} over {@code directions} directions. */
    public SlicedWasserstein(GaussianComponents mixture, int directions) {
        if (directions < 1) {
            throw new IllegalArgumentException("sliced W2 needs at least one direction, got " + directions);
        }
        this.directions = directions;
        int k = mixture.numComponents();
        cos = new double[directions];
        sin = new double[directions];
        centre = new double[directions];
        projections = new GaussianMixture1D[directions];
        double[] w = new double[k];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            w[i] = mixture.weight(i);
            mx += w[i] * mixture.gaussian(i).mx();
            my += w[i] * mixture.gaussian(i).my();
        }
        for (int l = 0; l < directions; l++) {
            double angle = Math.PI * (l + 0.5) / directions;
            cos[l] = Math.cos(angle);
            sin[l] = Math.sin(angle);
            centre[l] = cos[l] * mx + sin[l] * my;
            double[] mu = new double[k];
            double[] s = new double[k];
            for (int i = 0; i < k; i++) {
                Gaussian2 g = mixture.gaussian(i);
                mu[i] = cos[l] * g.mx() + sin[l] * g.my() - centre[l];
                s[i] = Math.sqrt(g.varianceAlong(cos[l], sin[l]));
            }
            projections[l] = new GaussianMixture1D(w, mu, s);
        }
    }

    /** The number of directions L. */
    public int directions() {
        return directions;
    }

    /** The exact 1D mixture along direction l (angle {@code pi (l + 1/2) / L}), centred on the mixture's mean. */
    GaussianMixture1D projection(int l) {
        return projections[l];
    }

    /** The equal-mass cells of every direction for n points, computed on first use. */
    private GaussianMixture1D.Cells[] cells(int n) {
        synchronized (cellsBySize) {
            return cellsBySize.computeIfAbsent(n, size -> IntStream.range(0, directions).parallel()
                    .mapToObj(l -> projections[l].cells(size)).toArray(GaussianMixture1D.Cells[]::new));
        }
    }

    /**
     * SW2 between the n points {@code xy} (row-major x0, y0, x1, y1, ...) and the mixture:
     * {@code sqrt(mean_theta [V_theta + (1/n) sum_i (c_theta,i - p_theta,(i))^2])} (see
     * {@link GaussianMixture1D}).
     */
    public double distance(double[] xy) {
        if (xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("sliced W2 needs a non-empty 2D point set, got " + xy.length + " values");
        }
        int n = xy.length / 2;
        GaussianMixture1D.Cells[] cells = cells(n);
        double[] p = new double[n];
        double sum = 0;
        for (int l = 0; l < directions; l++) {
            for (int i = 0; i < n; i++) {
                p[i] = cos[l] * xy[2 * i] + sin[l] * xy[2 * i + 1] - centre[l];
            }
            Arrays.sort(p);
            sum += cells[l].w2Squared(p);
        }
        return Math.sqrt(sum / directions);
    }

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
