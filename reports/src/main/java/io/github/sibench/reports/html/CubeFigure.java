package io.github.sibench.reports.html;

import io.github.sibench.reports.background.CubeDistances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Section {@code figure4}: the seed paper's Figure 4, the mean Euclidean distance between two independent
 * uniform points of the unit cube [0,1]^d against d, by Monte Carlo ({@link #PAIRS} pairs per d, seed
 * {@link #SEED}; d from 1 to 4096, two values per octave), beside two curves:
 * <ul>
 *   <li>{@code sqrt(d/6)}, the root-mean-square distance: each coordinate difference {@code g_i = x_i -
 *       y_i} has {@code E g_i^2 = 1/6}, so {@code E|g|^2 = d/6}; by Jensen {@code E|g| <= sqrt(d/6)}, and
 *       the distance concentrates, so the mean approaches this curve as d grows;</li>
 *   <li>{@code sqrt(d)/3}, the curve the issue names: a lower bound, since {@code E|g_i| = 1/3} and by
 *       Cauchy-Schwarz {@code |g| >= sum_i |g_i| / sqrt(d)}; the mean tends to {@code 3/sqrt(6) = 1.2247}
 *       times it.</li>
 * </ul>
 * The Monte Carlo is {@link CubeDistances} (a fraction of a second), at more dimensions than the paper's
 * table.
 */
final class CubeFigure {

    static final int PAIRS = 2000;
    static final long SEED = 4L;
    static final int MAX_DIM = 4096;

    private static volatile double[][] cached;

    private CubeFigure() {}

    /** The dimensions: round(2^(k/2)) for k = 0..24, i.e. 1, 1, 2, 3, 4, 6, 8, ..., 4096, without repeats. */
    static int[] dims() {
        TreeSet<Integer> d = new TreeSet<>();
        for (int k = 0; k <= 2 * 12; k++) {
            d.add((int) Math.round(Math.pow(2, k / 2.0)));
        }
        return d.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Rows {d, mean distance, standard error} by Monte Carlo; computed once per JVM (it is deterministic). */
    static double[][] monteCarlo() {
        double[][] c = cached;
        if (c == null) {
            List<Integer> dims = Arrays.stream(dims()).boxed().toList();
            c = new CubeDistances(dims, PAIRS, SEED).call().stream()
                    .map(r -> new double[] {r.dim(), r.mean(), r.standardError()}).toArray(double[][]::new);
            cached = c;
        }
        return c;
    }

    static Map<String, Object> build(Ids ids) {
        double[][] mc = monteCarlo();
        int n = mc.length;
        double[] d = new double[n];
        double[] mean = new double[n];
        double[] rms = new double[n];
        double[] third = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = mc[k][0];
            mean[k] = mc[k][1];
            rms[k] = Math.sqrt(d[k] / 6);
            third[k] = Math.sqrt(d[k]) / 3;
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("sqrt(d/6): root-mean-square distance, upper bound and large-d limit", d, rms,
                Charts.seriesColor(2), true, false, 1.6f, true));
        series.add(new Charts.Series("sqrt(d)/3: the issue's curve, a lower bound", d, third,
                Charts.seriesColor(1), true, false, 1.6f, true));
        series.add(new Charts.Series(String.format(Locale.ROOT,
                "Monte Carlo mean distance (%,d pairs per d, seed %d)", PAIRS, SEED), d, mean, Charts.seriesColor(0),
                false, true, 1.6f, false));
        String title = "Mean distance between two uniform points of [0,1]^d";
        String svg = Charts.svg(Charts.xy(title, Charts.Axis.log("dimension d (log scale)"),
                Charts.Axis.log("distance (log scale)"), series), 720, 440, ids.next("figure4"));
        int last = n - 1;
        int within1 = last;
        while (within1 > 0 && Math.abs(mean[within1 - 1] / rms[within1 - 1] - 1) < 0.01) {
            within1--;
        }
        List<Object> table = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int dim = (int) d[k];
            if (Integer.bitCount(dim) == 1) {
                table.add(Fmt.map("d", Integer.toString(dim),
                        "mean", String.format(Locale.ROOT, "%.4f ± %.4f", mean[k], mc[k][2]),
                        "rms", String.format(Locale.ROOT, "%.4f", rms[k]),
                        "third", String.format(Locale.ROOT, "%.4f", third[k]),
                        "ratioRms", String.format(Locale.ROOT, "%.4f", mean[k] / rms[k]),
                        "ratioThird", String.format(Locale.ROOT, "%.4f", mean[k] / third[k])));
            }
        }
        return Fmt.map("svg", Charts.inline(svg), "rows", table,
                "pairs", String.format(Locale.ROOT, "%,d", PAIRS), "seed", Long.toString(SEED),
                "maxDim", Integer.toString(MAX_DIM), "within1", Integer.toString((int) d[within1]),
                "ratioRms", String.format(Locale.ROOT, "%.4f", mean[last] / rms[last]),
                "ratioThird", String.format(Locale.ROOT, "%.4f", mean[last] / third[last]),
                "ratioOne", String.format(Locale.ROOT, "%.4f", mean[0] / third[0]));
    }
}
