package io.github.sibench.benchmark;

import io.github.sibench.reports.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code efficiency.csv}: how many network evaluations each model needs. For every model and sampler family
 * (a fixed-step sampler with its other options, e.g. {@code em-eps0.5}) sampled at two or more step counts,
 * in one dataset, setting, training-set size and guidance weight, FID-Y is averaged over seeds at each NFE;
 * {@code best_fid_y} is the lowest mean and {@code nfe_within_10pct} the fewest NFE whose mean FID-Y is at
 * most 1.1 times it (the seed's sample-efficiency measure). Rows counted: status {@code ok}, the run's own and
 * those of steps grids.
 */
final class SampleEfficiency {

    /** Columns of {@code efficiency.csv}. */
    static final List<String> COLUMNS = List.of("dataset", "setting", "model", "sampler_family", "n_train",
            "guidance_weight", "points", "best_nfe", "best_fid_y", "nfe_within_10pct", "fid_y_within_10pct");

    /** The tolerance: within 10% of the best FID-Y. */
    static final double TOLERANCE = 0.10;

    private SampleEfficiency() {}

    /**
     * The table of {@code rows}; {@code stepsGrids} names the grids over step counts, whose rows join the
     * run's own. Empty when no model was sampled at two step counts.
     */
    static CsvTable table(List<Map<String, Object>> rows, Set<String> stepsGrids) {
        Map<List<Object>, TreeMap<Double, double[]>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            if (!"ok".equals(r.get("status")) || !(r.get("steps") instanceof Number steps)
                    || !(r.get("nfe") instanceof Number nfe) || !(r.get("fid_y") instanceof Number fid)
                    || !Double.isFinite(fid.doubleValue())
                    || r.get("grid") != null && !stepsGrids.contains(String.valueOf(r.get("grid")))) {
                continue;
            }
            List<Object> key = Arrays.asList(r.get("dataset"), r.get("setting"), r.get("model"),
                    family(String.valueOf(r.get("sampler")), steps.intValue(), String.valueOf(r.get("sampler_label"))),
                    r.get("n_train"), r.get("guidance_weight"));
            double[] sum = groups.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(nfe.doubleValue(), k -> new double[2]);
            sum[0] += fid.doubleValue();
            sum[1]++;
        }
        CsvTable t = new CsvTable(COLUMNS);
        for (Map.Entry<List<Object>, TreeMap<Double, double[]>> g : groups.entrySet()) {
            if (g.getValue().size() < 2) {
                continue;
            }
            List<double[]> curve = new ArrayList<>(); // {nfe, mean FID-Y}, by increasing NFE
            g.getValue().forEach((nfe, sum) -> curve.add(new double[] {nfe, sum[0] / sum[1]}));
            double[] best = curve.stream().min((a, b) -> Double.compare(a[1], b[1])).orElseThrow();
            double[] within = curve.stream().filter(p -> p[1] <= (1 + TOLERANCE) * best[1]).findFirst().orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            List<Object> k = g.getKey();
            row.put("dataset", k.get(0));
            row.put("setting", k.get(1));
            row.put("model", k.get(2));
            row.put("sampler_family", k.get(3));
            row.put("n_train", k.get(4));
            row.put("guidance_weight", k.get(5));
            row.put("points", curve.size());
            row.put("best_nfe", (long) best[0]);
            row.put("best_fid_y", best[1]);
            row.put("nfe_within_10pct", (long) within[0]);
            row.put("fid_y_within_10pct", within[1]);
            t.add(row);
        }
        return t;
    }

    /**
     * A fixed-step sampler's label without its step count: {@code heun-25} is {@code heun}, {@code em-100-eps0.5}
     * is {@code em-eps0.5} (labels are {@code name-steps[-options]}, {@code SamplerSpec#label}).
     */
    static String family(String name, int steps, String label) {
        String prefix = name + "-" + steps;
        return label.startsWith(prefix) ? name + label.substring(prefix.length()) : label;
    }
}
