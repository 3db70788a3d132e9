package io.github.sibench.benchmark.ranking;

import io.github.sibench.benchmark.metrics.ColumnInfo;
import io.github.sibench.reports.CsvTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Which metric agrees?" (SPEC section 5: training loss and FID can look fine while a model misses a
 * cluster): over a set of result rows, Kendall's tau-b ({@link RankCorrelation#kendallTauB}) between every
 * pair of score columns, and between the final training loss and each, on values oriented so that larger
 * is better for every column: {@code -v} for {@code lower}, {@code v} for {@code higher}, {@code -|v|}
 * for {@code zero} ({@link ColumnInfo#direction()}), and {@code -final_loss}. So tau = 1 means two metrics
 * order the rows alike, -1 opposite. Each pair uses the rows where both values are finite; fewer than 3
 * such rows give NaN.
 *
 * <p>Written as {@code agreement.csv}: a square table, first column {@code metric}, then one column per
 * metric in the same order ({@code final_loss} first).
 */
public final class Agreement {

    /** Fewest rows a tau is computed over. */
    public static final int MIN_ROWS = 3;

    private Agreement() {}

    /**
     * The agreement matrix of {@code rows} over the score columns among {@code columns} that some row has
     * (cost columns such as timings excluded, {@link ColumnInfo#score()}), {@code final_loss} first.
     *
     * @return metric name to (metric name to tau), both in the same order
     */
    public static Map<String, Map<String, Double>> matrix(List<Map<String, Object>> rows, List<String> columns) {
        Map<String, ColumnInfo> info = ColumnInfo.of(columns);
        List<String> metrics = new ArrayList<>();
        metrics.add("final_loss");
        for (Map.Entry<String, ColumnInfo> e : info.entrySet()) {
            if (e.getValue().score() && rows.stream().anyMatch(r -> finite(r.get(e.getKey())))) {
                metrics.add(e.getKey());
            }
        }
        Map<String, double[]> oriented = new LinkedHashMap<>();
        for (String m : metrics) {
            double[] v = new double[rows.size()];
            String direction = m.equals("final_loss") ? "lower" : info.get(m).direction();
            for (int i = 0; i < v.length; i++) {
                Object o = rows.get(i).get(m);
                double x = finite(o) ? ((Number) o).doubleValue() : Double.NaN;
                v[i] = switch (direction) {
                    case "higher" -> x;
                    case "zero" -> -Math.abs(x);
                    default -> -x;
                };
            }
            oriented.put(m, v);
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String a : metrics) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (String b : metrics) {
                row.put(b, tau(oriented.get(a), oriented.get(b)));
            }
            out.put(a, row);
        }
        return out;
    }

    /** Writes {@link #matrix} as {@code agreement.csv} (atomically). */
    public static void write(Map<String, Map<String, Double>> matrix, Path file) {
        List<String> header = new ArrayList<>();
        header.add("metric");
        header.addAll(matrix.keySet());
        CsvTable table = new CsvTable(header);
        matrix.forEach((metric, taus) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", metric);
            row.putAll(taus);
            table.add(row);
        });
        table.write(file);
    }

    private static double tau(double[] a, double[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                n++;
            }
        }
        if (n < MIN_ROWS) {
            return Double.NaN;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, k = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                x[k] = a[i];
                y[k++] = b[i];
            }
        }
        return RankCorrelation.kendallTauB(x, y);
    }

    private static boolean finite(Object o) {
        return o instanceof Number num && Double.isFinite(num.doubleValue());
    }
}
