package io.github.sibench.benchmark.metrics;

import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.toys.SeedToy;
import java.util.SplittableRandom;

/** True samples of the seed toy and the sampling statistics the metric tolerances are derived from. */
final class SeedToySamples {

    static final GaussianMixture2D TOY = SeedToy.mixture();

    private SeedToySamples() {}

    /** n true points (row-major x0, y0, x1, y1, ...) drawn with {@code seed}. */
    static double[] sample(int n, long seed) {
        return TOY.sample(n, new SplittableRandom(seed)).xy();
    }

    /** The points moved by delta. */
    static double[] shift(double[] xy, double dx, double dy) {
        double[] out = xy.clone();
        for (int i = 0; i < out.length; i += 2) {
            out[i] += dx;
            out[i + 1] += dy;
        }
        return out;
    }

    /** {@code v^T S v} for the exact covariance S of the seed toy. */
    static double quadratic(double vx, double vy) {
        Gaussian2 s = TOY.exactMoments();
        return s.varianceAlong(vx, vy);
    }

    /** The sample mean. */
    static double[] mean(double[] xy) {
        int n = xy.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += xy[2 * i] / n;
            my += xy[2 * i + 1] / n;
        }
        return new double[] {mx, my};
    }

    /**
     * {@code sum_ij Var[(y_i - m_i)(y_j - m_j)]} over the 2x2 entries, estimated from the points (m and S the
     * exact moments of their law): n times the expected squared Frobenius error {@code E|S_hat - S|_F^2} of a
     * covariance estimated from n points, to leading order.
     */
    static double covarianceEntryVariance(double[] xy, Gaussian2 s) {
        double[] exact = {s.sxx(), s.sxy(), s.sxy(), s.syy()};
        int n = xy.length / 2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - s.mx();
            double dy = xy[2 * i + 1] - s.my();
            double[] prod = {dx * dx, dx * dy, dy * dx, dy * dy};
            for (int k = 0; k < 4; k++) {
                double e = prod[k] - exact[k];
                sum += e * e / n;
            }
        }
        return sum;
    }
}
