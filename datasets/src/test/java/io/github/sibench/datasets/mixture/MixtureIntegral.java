package io.github.sibench.datasets.mixture;

import io.github.sibench.datasets.mixture.GaussianMixture2D.Component;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Integral of {@code exp(logDensity)} of a Gaussian mixture over the plane, by the midpoint rule on
 * square tiles whose grid spacing adapts to the thinnest component near the tile.
 *
 * <p>A tile uses spacing {@code h = min(MAX_SPACING, SPACING_PER_STD * sigma_min)} over the
 * components whose {@link #MARGIN_STDS}-sigma bounding box meets the tile; tiles with none are
 * skipped (they carry density below {@code exp(-MARGIN_STDS^2 / 2) = 1.5e-8} per unit mass). Errors:
 * a lattice sum of a Gaussian with spacing {@code 1.25 sigma_min} is exact up to
 * {@code 4 exp(-2 pi^2 / 1.25^2) = 1.3e-5} (Poisson summation), usually far less since the lattice
 * is not aligned with the thin axis; tiles of different spacings meeting where the density has a
 * gradient leave Euler-Maclaurin terms {@code (h1^2 - h2^2) / 24 * f'} along their common edge,
 * kept small by {@link #MAX_SPACING}. Measured on the seed toy: |integral - 1| about 1e-6.
 */
public final class MixtureIntegral {

    /** Truncation radius in standard deviations. */
    public static final double MARGIN_STDS = 6.0;

    /** Grid spacing as a multiple of the thinnest nearby std. */
    public static final double SPACING_PER_STD = 1.25;

    /** Largest grid spacing, so that tiles of different spacings meet with small boundary error. */
    public static final double MAX_SPACING = 0.02;

    private MixtureIntegral() {}

    /** The integral of the mixture density over the plane, tiled with square tiles of the given side. */
    public static double integrate(GaussianMixture2D mixture, double tile) {
        List<Component> comps = mixture.components();
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Component c : comps) {
            double rx = MARGIN_STDS * Math.sqrt(c.gaussian().sxx());
            double ry = MARGIN_STDS * Math.sqrt(c.gaussian().syy());
            x0 = Math.min(x0, c.mean().x() - rx);
            y0 = Math.min(y0, c.mean().y() - ry);
            x1 = Math.max(x1, c.mean().x() + rx);
            y1 = Math.max(y1, c.mean().y() + ry);
        }
        int nx = (int) Math.ceil((x1 - x0) / tile);
        int ny = (int) Math.ceil((y1 - y0) / tile);
        double ox = x0;
        double oy = y0;
        return IntStream.range(0, nx * ny).parallel()
                .mapToDouble(t -> tileIntegral(mixture, ox + (t % nx) * tile, oy + (t / nx) * tile, tile))
                .sum();
    }

    private static double tileIntegral(GaussianMixture2D mixture, double tx, double ty, double tile) {
        double h = MAX_SPACING;
        boolean any = false;
        for (Component c : mixture.components()) {
            double rx = MARGIN_STDS * Math.sqrt(c.gaussian().sxx());
            double ry = MARGIN_STDS * Math.sqrt(c.gaussian().syy());
            boolean near = c.mean().x() > tx - rx && c.mean().x() < tx + tile + rx
                    && c.mean().y() > ty - ry && c.mean().y() < ty + tile + ry;
            if (near) {
                any = true;
                h = Math.min(h, SPACING_PER_STD * c.gaussian().minStd());
            }
        }
        if (!any) {
            return 0;
        }
        int m = (int) Math.ceil(tile / h);
        double step = tile / m;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                sum += Math.exp(mixture.logDensity(tx + (i + 0.5) * step, ty + (j + 0.5) * step));
            }
        }
        return sum * step * step;
    }
}
