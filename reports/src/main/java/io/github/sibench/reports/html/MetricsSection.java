package io.github.sibench.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sibench.reports.CsvFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Section {@code metrics}: summary.csv as one table per data set and setting, a row per model and
 * sampler and a column per metric holding {@code mean ± std} over seeds. With columns.json ({@code
 * {"metric": {"direction": "lower"|"higher", "description": "..."}}}) each metric's header shows its
 * direction, the best mean of each such column is bold, and a list below gives the spaces and descriptions.
 * Rows of ablation grids (summary.csv's {@code grid} set) are left to the ablations section.
 */
final class MetricsSection {

    private MetricsSection() {}

    record Column(String direction, String space, String description) {}

    static Map<String, Object> build(Run run) {
        CsvFile summary = run.csv("summary.csv").orElse(null);
        if (summary == null) {
            return null;
        }
        Map<String, Column> columns = columns(run);
        String cd = summary.column("dataset");
        String cs = summary.column("setting");
        String cm = summary.column("model");
        String cl = summary.column("sampler_label", "sampler");
        String cmetric = summary.column("metric");
        String cmean = summary.column("mean");
        String cstd = summary.column("std");
        String cn = summary.column("n_seeds");
        String cf = summary.column("failed_seeds");
        String cgrid = summary.column("grid");
        if (cm == null || cmetric == null || cmean == null) {
            throw new IllegalArgumentException("report: summary.csv needs columns model, metric, mean (has "
                    + summary.columns() + ")");
        }
        // (dataset, setting) -> (model, sampler) -> metric -> row
        Map<String, Map<String, Map<String, Map<String, String>>>> groups = new LinkedHashMap<>();
        Map<String, Set<String>> metricsOf = new LinkedHashMap<>();
        for (Map<String, String> r : summary.rows()) {
            if (!get(r, cgrid).isEmpty()) {
                continue; // a point of an ablation grid: shown in the ablations section
            }
            String group = get(r, cd) + " · " + get(r, cs);
            String row = r.get(cm) + "\u0000" + get(r, cl);
            groups.computeIfAbsent(group, k -> new LinkedHashMap<>())
                    .computeIfAbsent(row, k -> new LinkedHashMap<>()).put(r.get(cmetric), r);
            metricsOf.computeIfAbsent(group, k -> new LinkedHashSet<>()).add(r.get(cmetric));
        }
        List<Object> tables = new ArrayList<>();
        Set<String> shownMetrics = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Map<String, Map<String, String>>>> g : groups.entrySet()) {
            List<String> metrics = new ArrayList<>(metricsOf.get(g.getKey()));
            shownMetrics.addAll(metrics);
            Map<String, Double> best = new LinkedHashMap<>();
            for (String m : metrics) {
                Column c = columns.get(m);
                if (c == null || c.direction() == null) {
                    continue;
                }
                boolean lower = c.direction().toLowerCase(Locale.ROOT).startsWith("low");
                boolean higher = c.direction().toLowerCase(Locale.ROOT).startsWith("high");
                for (Map<String, Map<String, String>> row : g.getValue().values()) {
                    Map<String, String> cell = row.get(m);
                    double v = cell == null ? Double.NaN : CsvFile.number(cell, cmean);
                    if (Double.isFinite(v) && (lower || higher)) {
                        best.merge(m, v, lower ? Math::min : Math::max);
                    }
                }
            }
            List<Object> header = new ArrayList<>();
            for (String m : metrics) {
                Column c = columns.get(m);
                header.add(Fmt.map("metric", m, "arrow", c == null ? null : arrow(c.direction()),
                        "description", c == null ? null : c.description()));
            }
            List<Object> rows = new ArrayList<>();
            for (Map.Entry<String, Map<String, Map<String, String>>> row : g.getValue().entrySet()) {
                String[] key = row.getKey().split("\u0000", -1);
                int seeds = 0;
                int failed = 0;
                List<Object> cells = new ArrayList<>();
                for (String m : metrics) {
                    Map<String, String> cell = row.getValue().get(m);
                    if (cell == null) {
                        cells.add(Fmt.map("value", ""));
                        continue;
                    }
                    double mean = CsvFile.number(cell, cmean);
                    double std = CsvFile.number(cell, cstd);
                    seeds = Math.max(seeds, (int) nz(CsvFile.number(cell, cn)));
                    failed = Math.max(failed, (int) nz(CsvFile.number(cell, cf)));
                    Double b = best.get(m);
                    cells.add(Fmt.map("value", Fmt.num(mean) + (Double.isFinite(std) ? " ± " + Fmt.num(std) : ""),
                            "best", b != null && b == mean ? Boolean.TRUE : null));
                }
                rows.add(Fmt.map("model", key[0], "sampler", key[1],
                        "seeds", seeds + (failed > 0 ? " (" + failed + " failed)" : ""), "cells", cells));
            }
            tables.add(Fmt.map("group", g.getKey(), "header", header, "rows", rows));
        }
        List<Object> legend = new ArrayList<>();
        for (String m : shownMetrics) {
            Column c = columns.get(m);
            if (c != null) {
                legend.add(Fmt.map("metric", m, "direction", c.direction() == null ? null
                        : c.direction() + " is better", "space", c.space(), "description", c.description()));
            }
        }
        return Fmt.map("tables", tables, "legend", legend, "hasLegend", !legend.isEmpty(),
                "noColumns", columns.isEmpty() ? Boolean.TRUE : null);
    }

    private static double nz(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static String get(Map<String, String> r, String column) {
        return column == null ? "" : r.get(column);
    }

    static String arrow(String direction) {
        if (direction == null) {
            return null;
        }
        String d = direction.toLowerCase(Locale.ROOT);
        return d.startsWith("low") ? "↓" : d.startsWith("high") ? "↑" : null;
    }

    /** columns.json: metric -> direction and description; empty when absent. */
    static Map<String, Column> columns(Run run) {
        JsonNode root = run.json("columns.json").orElse(null);
        Map<String, Column> out = new LinkedHashMap<>();
        if (root == null || !root.isObject()) {
            return out;
        }
        root.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String direction = v.hasNonNull("direction") ? v.get("direction").asText() : null;
            String space = v.hasNonNull("space") ? v.get("space").asText() : null;
            String description = v.hasNonNull("description") ? v.get("description").asText()
                    : v.isTextual() ? v.asText() : null;
            out.put(e.getKey(), new Column(direction, space, description));
        });
        return out;
    }
}
