package io.github.sibench.reports.html;

import io.github.sibench.reports.CsvFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section {@code agreement}: the metric-agreement matrix of agreement.csv (first column: the metric of the
 * row; one column per metric holding Kendall's tau between the rankings the two metrics give) as a heat
 * map: blue for tau = 1 (the metrics rank models alike), white for 0, red for -1. Read leniently: any
 * first-column name, non-numbers shown as they are and left white.
 */
final class AgreementSection {

    private AgreementSection() {}

    static Map<String, Object> build(Run run) {
        CsvFile t = run.csv("agreement.csv").orElse(null);
        if (t == null || t.columns().size() < 2 || t.rows().isEmpty()) {
            return null;
        }
        String first = t.columns().get(0);
        List<String> metrics = t.columns().subList(1, t.columns().size());
        List<Object> rows = new ArrayList<>();
        for (Map<String, String> r : t.rows()) {
            List<Object> cells = new ArrayList<>();
            for (String m : metrics) {
                double tau = CsvFile.number(r, m);
                cells.add(Fmt.map("text", Double.isFinite(tau) ? String.format(Locale.ROOT, "%.2f", tau)
                        : r.get(m), "style", "background:" + colour(tau)
                        + (Double.isFinite(tau) && Math.abs(tau) > 0.6 ? ";color:#fff" : "")));
            }
            rows.add(Fmt.map("metric", r.get(first), "cells", cells));
        }
        return Fmt.map("columns", metrics, "rows", rows);
    }

    /** A diverging colour for tau in [-1, 1]: red, white, blue. */
    static String colour(double tau) {
        if (!Double.isFinite(tau)) {
            return "#f4f4f4";
        }
        double t = Math.max(-1, Math.min(1, tau));
        int[] end = t >= 0 ? new int[] {33, 102, 172} : new int[] {178, 24, 43};
        double a = Math.abs(t);
        int r = (int) Math.round(255 + (end[0] - 255) * a);
        int g = (int) Math.round(255 + (end[1] - 255) * a);
        int b = (int) Math.round(255 + (end[2] - 255) * a);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
