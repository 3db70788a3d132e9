package io.github.sibench.benchmark;

import io.github.sibench.benchmark.ranking.SeedSummary;
import io.github.sibench.reports.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.csv}: every metric of every model over its seeds, one row per dataset x setting x model x
 * sampler x grid point (empty for the run's own rows) x metric ({@link #COLUMNS}): {@code mean} and {@code std}
 * ({@link SeedSummary}) over the seeds whose row is {@code ok} and whose value is finite, {@code n_seeds} of them,
 * and {@code failed_seeds}.
 */
final class Summaries {

    /** Columns of {@code summary.csv}. */
    static final List<String> COLUMNS = List.of("dataset", "setting", "model", "sampler_label", "grid",
            "grid_value", "metric", "mean", "std",
            "n_seeds", "failed_seeds");

    private Summaries() {}

    /** The summary of {@code rows} over the {@code metrics} columns, in the rows' order of first appearance. */
    static CsvTable table(List<Map<String, Object>> rows, List<String> metrics) {
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            List<Object> key = Arrays.asList(r.get("dataset"), r.get("setting"), r.get("model"), r.get("sampler_label"),
                    r.get("grid"), r.get("grid_value"));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        CsvTable t = new CsvTable(COLUMNS);
        for (Map.Entry<List<Object>, List<Map<String, Object>>> g : groups.entrySet()) {
            long failed = g.getValue().stream().filter(r -> !"ok".equals(r.get("status"))).count();
            for (String metric : metrics) {
                double[] v = g.getValue().stream().filter(r -> "ok".equals(r.get("status")))
                        .map(r -> r.get(metric)).filter(x -> x instanceof Number n && Double.isFinite(n.doubleValue()))
                        .mapToDouble(x -> ((Number) x).doubleValue()).toArray();
                if (v.length == 0) {
                    continue;
                }
                SeedSummary s = SeedSummary.of(v);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dataset", g.getKey().get(0));
                row.put("setting", g.getKey().get(1));
                row.put("model", g.getKey().get(2));
                row.put("sampler_label", g.getKey().get(3));
                row.put("grid", g.getKey().get(4));
                row.put("grid_value", g.getKey().get(5));
                row.put("metric", metric);
                row.put("mean", s.mean());
                row.put("std", s.std());
                row.put("n_seeds", s.n());
                row.put("failed_seeds", failed);
                t.add(row);
            }
        }
        return t;
    }
}
