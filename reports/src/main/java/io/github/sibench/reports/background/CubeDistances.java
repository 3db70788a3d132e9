package io.github.sibench.reports.background;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * The background experiment of the seed paper (section 1.2, Figure 4 and Equation 1; SPEC section 7):
 * the mean Euclidean distance between two independent uniform points of [0, 1]^d, estimated by Monte
 * Carlo, against the lower bound {@code sqrt(d) / 3}.
 *
 * <p>With {@code g = x - y}, each {@code |g_i|} has mean 1/3, and by Cauchy-Schwarz
 * {@code E|g| >= E[(1/sqrt(d)) sum_i |g_i|] = sqrt(d) / 3}; for d = 1 the distance is exactly
 * {@code |x - y|} with mean 1/3. The ratio to the bound tends to {@code sqrt(E g_i^2) / E|g_i| =
 * sqrt(1/6) * 3 = 1.2247} as d grows, so distances concentrate and grow like sqrt(d): in high dimension
 * all points are nearly equally far apart.
 *
 * @param dims dimensions to evaluate (each >= 1)
 * @param pairs Monte Carlo pairs per dimension (>= 2)
 * @param seed seed of the draws
 */
public record CubeDistances(List<Integer> dims, int pairs, long seed) implements Callable<List<CubeDistances.Row>> {

    /**
     * One line of the table.
     *
     * @param dim dimension d
     * @param mean Monte Carlo mean distance
     * @param standardError its standard error
     * @param bound {@code sqrt(d) / 3}
     */
    public record Row(int dim, double mean, double standardError, double bound) {}

    public CubeDistances {
        if (dims == null || dims.isEmpty() || dims.stream().anyMatch(d -> d == null || d < 1) || pairs < 2) {
            throw new IllegalArgumentException("cube distances: need dimensions >= 1 and at least 2 pairs");
        }
        dims = List.copyOf(dims);
    }

    /** The paper's table: d = 1, 2, 4, ..., 4096 with 2,000 pairs each. */
    public static CubeDistances paper(long seed) {
        List<Integer> dims = new ArrayList<>();
        for (int d = 1; d <= 4096; d *= 2) {
            dims.add(d);
        }
        return new CubeDistances(dims, 2000, seed);
    }

    @Override
    public List<Row> call() {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int d : dims) {
            double sum = 0;
            double sumSq = 0;
            for (int p = 0; p < pairs; p++) {
                double sq = 0;
                for (int i = 0; i < d; i++) {
                    double g = rng.nextDouble() - rng.nextDouble();
                    sq += g * g;
                }
                double dist = Math.sqrt(sq);
                sum += dist;
                sumSq += dist * dist;
            }
            double mean = sum / pairs;
            double var = Math.max(0, (sumSq - pairs * mean * mean) / (pairs - 1));
            rows.add(new Row(d, mean, Math.sqrt(var / pairs), Math.sqrt(d) / 3));
        }
        return rows;
    }
}
