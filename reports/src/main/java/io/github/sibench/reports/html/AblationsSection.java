package io.github.sibench.reports.html;

import io.github.sibench.reports.CsvFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Section {@code ablations}: a metric (FID-Y, else classifier-FD) against what a run varied within one
 * model and sampler, from results.csv (rows with status ok, mean over seeds at each value):
 * <ul>
 *   <li>sampling cost: NFE of the configurations of one sampler with several step counts (one sampler
 *       name, several sampler labels; an adaptive sampler's NFE varying from seed to seed is no
 *       ablation), log x;</li>
 *   <li>training-set size {@code n_train}, log x;</li>
 *   <li>guidance weight {@code guidance_weight} (when results.csv has that column);</li>
 *   <li>the SDE's diffusion coefficient eps, from the rows of an {@code eps} grid.</li>
 * </ul>
 * Rows of a named ablation grid (column {@code grid}, its kind from config.json's {@code grids}) enter only
 * the chart of what their grid varies; the run's own rows enter every chart. Each chart appears only when
 * some model varies that quantity. Below the charts, efficiency.csv (the NFE each model needs to come within
 * 10% of its best FID-Y) is shown as a table. Without charts or table the section is left out. The
 * metric's axis is logarithmic when it spans a decade or more.
 */
final class AblationsSection {

    private AblationsSection() {}

    static Map<String, Object> build(Run run, Ids ids) {
        CsvFile t = run.results();
        String metric = t.has("fid_y") ? "fid_y" : t.has("classifier_fd") ? "classifier_fd" : null;
        if (metric == null) {
            return null;
        }
        List<Map<String, String>> ok = run.okRows().stream()
                .filter(r -> Double.isFinite(CsvFile.number(r, metric))).toList();
        Map<String, String> kinds = gridKinds(run);
        List<Object> charts = new ArrayList<>();
        String nfe = t.column("nfe");
        if (nfe != null && t.column("sampler") != null) {
            // within dataset, setting, model, sampler name (and n_train, guidance): one point per label
            chart(charts, ids, of(ok, kinds, "steps"), metric, "sampling cost", "NFE per sample (log scale)", true,
                    r -> key(r, "dataset", "setting", "n_train", "guidance_weight"),
                    r -> r.get("model") + " · " + r.get("sampler"), "sampler_label", nfe);
        }
        if (t.column("n_train") != null) {
            chart(charts, ids, of(ok, kinds, "nTrain"), metric, "training-set size", "n_train (log scale)", true,
                    r -> key(r, "dataset", "setting", "guidance_weight"),
                    r -> r.get("model") + " · " + value(r, "sampler_label"), "n_train", "n_train");
        }
        if (t.column("guidance_weight") != null) {
            chart(charts, ids, of(ok, kinds, "guidanceWeight"), metric, "guidance weight", "guidance weight", false,
                    r -> key(r, "dataset", "setting", "n_train"),
                    r -> r.get("model") + " · " + value(r, "sampler_label"), "guidance_weight", "guidance_weight");
        }
        List<Map<String, String>> eps = ok.stream().filter(r -> "eps".equals(kinds.get(value(r, "grid")))).toList();
        if (!eps.isEmpty()) {
            chart(charts, ids, eps, metric, "SDE diffusion eps", "eps", false,
                    r -> key(r, "dataset", "setting", "n_train", "guidance_weight", "grid"),
                    r -> r.get("model") + " · " + r.get("sampler") + "-" + value(r, "steps"), "grid_value", "grid_value");
        }
        List<Object> efficiency = new ArrayList<>();
        run.csv("efficiency.csv").ifPresent(e -> e.rows().forEach(r -> efficiency.add(Fmt.map(
                "group", value(r, "dataset") + " · " + value(r, "setting"), "model", value(r, "model"),
                "sampler", value(r, "sampler_family"), "points", value(r, "points"), "best", Fmt.num(
                        CsvFile.number(r, "best_fid_y")), "bestNfe", value(r, "best_nfe"), "within",
                value(r, "nfe_within_10pct"), "withinValue", Fmt.num(CsvFile.number(r, "fid_y_within_10pct"))))));
        if (charts.isEmpty() && efficiency.isEmpty()) {
            return null;
        }
        return Fmt.map("charts", charts, "metric", metric, "efficiency", efficiency,
                "hasEfficiency", efficiency.isEmpty() ? null : Boolean.TRUE);
    }

    /** The run's own rows (no grid) and the rows of the grids that vary {@code kind}. */
    private static List<Map<String, String>> of(List<Map<String, String>> rows, Map<String, String> kinds,
            String kind) {
        return rows.stream().filter(r -> value(r, "grid").isEmpty() || kind.equals(kinds.get(value(r, "grid"))))
                .toList();
    }

    /** config.json's grids: name -> what it varies ({@code steps}, {@code nTrain}, ...); empty without grids. */
    private static Map<String, String> gridKinds(Run run) {
        Map<String, String> kinds = new LinkedHashMap<>();
        run.json("config.json").ifPresent(c -> c.path("grids").forEach(g -> kinds.put(g.path("name").asText(),
                g.path("vary").asText())));
        return kinds;
    }

    private static String value(Map<String, String> r, String column) {
        String v = r.get(column);
        return v == null ? "" : v;
    }

    private static String key(Map<String, String> r, String... columns) {
        StringBuilder b = new StringBuilder();
        for (String c : columns) {
            b.append(c).append('=').append(value(r, c)).append("; ");
        }
        return b.toString();
    }

    /**
     * One chart per chart key (data set, setting, fixed quantities) in which some series has two or more
     * distinct values of {@code variedColumn}; x is the mean of {@code xColumn} over the rows of a value.
     */
    private static void chart(List<Object> charts, Ids ids, List<Map<String, String>> rows, String metric,
            String what, String xLabel, boolean logX, java.util.function.Function<Map<String, String>, String> chartKey,
            java.util.function.Function<Map<String, String>, String> seriesKey, String variedColumn,
            String xColumn) {
        // chart -> series -> varied value -> rows
        Map<String, Map<String, Map<String, List<Map<String, String>>>>> groups = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (!r.containsKey(variedColumn) || value(r, variedColumn).isBlank()) {
                continue;
            }
            groups.computeIfAbsent(chartKey.apply(r), k -> new LinkedHashMap<>())
                    .computeIfAbsent(seriesKey.apply(r), k -> new LinkedHashMap<>())
                    .computeIfAbsent(value(r, variedColumn), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, Map<String, Map<String, List<Map<String, String>>>>> g : groups.entrySet()) {
            List<Charts.Series> series = new ArrayList<>();
            int colour = 0;
            for (Map.Entry<String, Map<String, List<Map<String, String>>>> s : g.getValue().entrySet()) {
                if (s.getValue().size() < 2) {
                    colour++;
                    continue;
                }
                TreeMap<Double, Double> points = new TreeMap<>();
                for (List<Map<String, String>> at : s.getValue().values()) {
                    double x = mean(at, xColumn);
                    double y = mean(at, metric);
                    if (Double.isFinite(x)) {
                        points.put(x, y);
                    }
                }
                if (points.size() < 2) {
                    colour++;
                    continue;
                }
                series.add(Charts.Series.lineWithMarkers(s.getKey(),
                        points.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                        points.values().stream().mapToDouble(Double::doubleValue).toArray(),
                        Charts.seriesColor(colour++)));
            }
            if (series.isEmpty()) {
                continue;
            }
            String context = g.getKey().replaceAll("[a-z_]+=; ", "").replaceAll("; $", "");
            String title = metric + " vs " + what;
            // a log axis only pays when the metric spans a decade or more
            double[] ys = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y()))
                    .filter(Double::isFinite).toArray();
            double lo = java.util.Arrays.stream(ys).min().orElse(0);
            double hi = java.util.Arrays.stream(ys).max().orElse(0);
            boolean logY = lo > 0 && hi >= 10 * lo;
            String svg = Charts.svg(Charts.xy(title, logX ? Charts.Axis.log(xLabel) : Charts.Axis.linear(xLabel),
                    logY ? Charts.Axis.log(metric + " (log scale)") : Charts.Axis.linear(metric), series),
                    640, 360, ids.next(title));
            charts.add(Fmt.map("title", title, "context", context, "svg", Charts.inline(svg)));
        }
    }

    private static double mean(List<Map<String, String>> rows, String column) {
        double sum = 0;
        int n = 0;
        for (Map<String, String> r : rows) {
            double v = CsvFile.number(r, column);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
