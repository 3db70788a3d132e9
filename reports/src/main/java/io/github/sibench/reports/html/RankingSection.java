package io.github.sibench.reports.html;

import io.github.sibench.reports.CsvFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section {@code ranking}: ranking.csv, per data set, setting and metric a forest plot (the mean over
 * seeds of each model with its 95% bootstrap interval [ci_low, ci_high]) and a table with rank and the
 * models each is tied with.
 */
final class RankingSection {

    private RankingSection() {}

    static Map<String, Object> build(Run run, Ids ids) {
        CsvFile t = run.csv("ranking.csv").orElse(null);
        if (t == null || t.rows().isEmpty()) {
            return null;
        }
        String model = t.column("model");
        String mean = t.column("mean");
        if (model == null || mean == null) {
            throw new IllegalArgumentException("report: ranking.csv needs columns model, mean (has "
                    + t.columns() + ")");
        }
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> r : t.rows()) {
            String key = String.join(" · ", value(r, t.column("dataset")), value(r, t.column("setting")),
                    value(r, t.column("metric")));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Object> blocks = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, String>>> g : groups.entrySet()) {
            List<Map<String, String>> rows = g.getValue();
            int n = rows.size();
            List<String> names = new ArrayList<>();
            double[] m = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            List<Object> table = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, String> r = rows.get(i);
                String rank = value(r, t.column("rank"));
                names.add(rank.isBlank() ? r.get(model) : r.get(model) + " (" + rank + ")");
                m[i] = CsvFile.number(r, mean);
                lo[i] = CsvFile.number(r, t.column("ci_low"));
                hi[i] = CsvFile.number(r, t.column("ci_high"));
                table.add(Fmt.map("rank", rank, "model", r.get(model),
                        "mean", Fmt.num(m[i]), "std", Fmt.num(CsvFile.number(r, t.column("std"))),
                        "ci", Fmt.interval(lo[i], hi[i]), "seeds", value(r, t.column("n_seeds")),
                        "tied", value(r, t.column("tied_with")).replace(";", ", ")));
            }
            String metric = rows.get(0).getOrDefault(t.column("metric") == null ? "" : t.column("metric"),
                    "value");
            String direction = value(rows.get(0), t.column("direction"));
            String xLabel = metric + (direction.isBlank() ? "" : " (" + direction + " is better)")
                    + ": mean and 95% interval";
            String svg = Charts.svg(Charts.forest(g.getKey(), xLabel, names, m, lo, hi), 640,
                    80 + 34 * n, ids.next("ranking " + g.getKey()));
            blocks.add(Fmt.map("group", g.getKey(), "svg", Charts.inline(svg), "rows", table));
        }
        return Fmt.map("blocks", blocks);
    }

    private static String value(Map<String, String> r, String column) {
        String v = column == null ? null : r.get(column);
        return v == null ? "" : v;
    }
}
