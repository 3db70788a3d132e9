package io.github.sibench.benchmark.metrics;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.plane.GaussianComponents;

/**
 * Component coverage, a recall-type metric (SPEC section 5: "fraction of mixture components that receive
 * samples"): the total weight of the mixture components {@code sum_k w_k N(m_k, S_k)} that receive at
 * least one generated point,
 *
 * <pre>  coverage = sum_k w_k 1[#{i : a(y_i) = k} >= 1]</pre>
 *
 * where the assignment {@code a(y) = argmin_k |y - m_k|} is the component of positive weight whose mean is
 * nearest in <em>Euclidean</em> distance (ties to the lower index), and a point farther than
 * {@code R = } 4 x the largest principal standard deviation of any component
 * ({@link GaussianComponents#offSupportRadius}) from every mean is assigned to none. This is the rule of the mixture's own class regions
 * ({@code GaussianMixture2D.classOf}), so a point's component always carries the class the suite assigns it.
 * Why not the largest responsibility or the Mahalanobis distance: both measure distance in each
 * component's own scale and so hand points near a narrow component (the seed toy's filament, std across
 * 0.003) to a wide one far away; a model that spreads the filament would then be credited with covering
 * wide components it never visits. With Euclidean distance the regions are the Voronoi cells of the
 * means, independent of the widths, which is right for mixtures whose components tile each cluster
 * densely (all toys of the suite).
 *
 * <p>Expected value for n true samples. If a true point's assigned component were its generating
 * component (probability {@code w_k}), the n points would leave component k empty with probability
 * {@code (1 - w_k)^n}, so {@code E[coverage] = sum_k w_k (1 - (1 - w_k)^n)}
 * ({@link #expectedForTrueSamples}); for the seed toy's 741 equal weights at n = 4,000 that is
 * {@code 1 - (740/741)^4000 = 0.9955}. With the nearest-mean rule the cell probabilities
 * {@code q_k = P(a(Y) = k)} differ slightly from {@code w_k} (e.g. where clusters touch), and the exact
 * expectation is {@code sum_k w_k (1 - (1 - q_k)^n)} (the same function with {@code q} for the emptiness
 * probabilities); its variance is at most {@code sum_k w_k^2 p_k (1 - p_k)} with {@code p_k} the emptiness
 * probabilities (the emptiness indicators of a multinomial are negatively correlated).
 * Coverage is a recall metric: dropping a mode lowers it by that mode's weight, but it says nothing about
 * points in the wrong place (see precision-type metrics).
 */
public final class ComponentCoverage {

    private final GaussianComponents mixture;
    private final double[] weights;

    /** Coverage of the components of {@code mixture}. */
    public ComponentCoverage(GaussianComponents mixture) {
        this.mixture = mixture;
        this.weights = new double[mixture.numComponents()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = mixture.weight(k);
        }
    }

    /**
     * The assigned component of each of the n points of {@code xy} (row-major), or -1 for a point beyond the
     * mixture's off-support radius or not finite.
     */
    public int[] assign(double[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("xy must hold n * 2 row-major coordinates, got length " + xy.length);
        }
        double r = mixture.offSupportRadius();
        int[] out = new int[xy.length / 2];
        for (int i = 0; i < out.length; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                out[i] = -1;
                continue;
            }
            int k = mixture.nearestComponent(x, y);
            Gaussian2 g = mixture.gaussian(k);
            double dx = x - g.mx();
            double dy = y - g.my();
            out[i] = dx * dx + dy * dy <= r * r ? k : -1;
        }
        return out;
    }

    /** The total weight of the components that receive at least one of the points of {@code xy}. */
    public double coverage(double[] xy) {
        boolean[] hit = new boolean[weights.length];
        for (int a : assign(xy)) {
            if (a >= 0) {
                hit[a] = true;
            }
        }
        double c = 0;
        for (int j = 0; j < hit.length; j++) {
            c += hit[j] ? weights[j] : 0;
        }
        return c;
    }

    /**
     * {@code sum_k w_k (1 - (1 - q_k)^n)}: the expected coverage of n independent points that fall in
     * component k's region with probability {@code q_k}; with {@code q = w}, that of n true samples.
     */
    public static double expectedCoverage(double[] w, double[] q, int n) {
        if (w.length != q.length) {
            throw new IllegalArgumentException("need as many weights as cell probabilities, got " + w.length
                    + " and " + q.length);
        }
        double e = 0;
        for (int k = 0; k < w.length; k++) {
            e += w[k] * (1 - Math.pow(1 - q[k], n));
        }
        return e;
    }

    /** {@code sum_k w_k (1 - (1 - w_k)^n)}, the expected coverage of n true samples (see the class comment). */
    public static double expectedForTrueSamples(double[] w, int n) {
        return expectedCoverage(w, w, n);
    }
}
