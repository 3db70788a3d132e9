package io.github.sibench.reports.html;

import io.github.sibench.reports.CsvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Section {@code losses}: the training-loss curves of losses/*.csv (columns step, loss; file stem
 * {@code <dataset>_<model>_<setting>_seed<k>}), one chart per data set and one colour per model (and
 * setting): seed 0, or the smallest seed, drawn thick and in the legend, the other seeds thin. Curves
 * longer than {@link #MAX_POINTS} points are shown as means over equal windows of steps. The loss axis
 * is logarithmic when every loss of the chart is positive.
 */
final class LossesSection {

    static final int MAX_POINTS = 400;

    private LossesSection() {}

    record Curve(String dataset, String model, String setting, long seed, double[] step, double[] loss,
            int window) {}

    static Map<String, Object> build(Run run, Ids ids) {
        Path dir = run.dir().resolve("losses");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("report: cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return null;
        }
        List<String> datasets = known(run, "dataset");
        List<String> models = known(run, "model");
        List<Curve> curves = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            curves.add(curve(CsvFile.read(f, "losses/" + name), name.substring(0, name.length() - 4), datasets));
        }
        Map<String, List<Curve>> byDataset = new LinkedHashMap<>();
        curves.stream().sorted(Comparator.comparingInt((Curve c) -> order(datasets, c.dataset()))
                .thenComparingInt(c -> order(models, c.model())).thenComparing(Curve::model)
                .thenComparing(Curve::setting).thenComparingLong(Curve::seed))
                .forEach(c -> byDataset.computeIfAbsent(c.dataset(), k -> new ArrayList<>()).add(c));
        List<Object> charts = new ArrayList<>();
        for (Map.Entry<String, List<Curve>> e : byDataset.entrySet()) {
            List<Curve> cs = e.getValue();
            boolean severalSettings = cs.stream().map(Curve::setting).distinct().count() > 1;
            boolean positive = cs.stream().allMatch(c -> java.util.Arrays.stream(c.loss())
                    .allMatch(v -> !Double.isFinite(v) || v > 0));
            Map<String, Integer> colours = new LinkedHashMap<>();
            Map<String, Long> firstSeed = new LinkedHashMap<>();
            for (Curve c : cs) {
                String key = c.model() + (severalSettings ? " (" + c.setting() + ")" : "");
                colours.putIfAbsent(key, colours.size());
                firstSeed.merge(key, c.seed(), Math::min);
            }
            List<Charts.Series> series = new ArrayList<>();
            int window = 1;
            for (Curve c : cs) {
                String key = c.model() + (severalSettings ? " (" + c.setting() + ")" : "");
                boolean main = c.seed() == firstSeed.get(key);
                series.add(new Charts.Series(main ? key : null, c.step(), c.loss(),
                        Charts.seriesColor(colours.get(key)), true, false, main ? 1.8f : 0.7f, false));
                window = Math.max(window, c.window());
            }
            // thin seeds first, so the thick line of each model lies on top
            series.sort(Comparator.comparing(s -> s.label() != null));
            String title = "training loss · " + e.getKey();
            String svg = Charts.svg(Charts.xy(title, Charts.Axis.linear("step"),
                    positive ? Charts.Axis.log("loss (log scale)") : Charts.Axis.linear("loss"), series),
                    720, 380, ids.next(title));
            long seeds = cs.stream().mapToLong(Curve::seed).distinct().count();
            charts.add(Fmt.map("dataset", e.getKey(), "svg", Charts.inline(svg),
                    "note", (seeds > 1 ? "thick: the smallest seed; thin: the other " + (seeds - 1)
                            + " seed(s). " : "")
                            + (window > 1 ? "Each line is the mean over windows of up to " + window
                                    + " logged steps." : "")));
        }
        return Fmt.map("charts", charts);
    }

    private static int order(List<String> known, String value) {
        int i = known.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static List<String> known(Run run, String column) {
        String c = run.results().column(column);
        return c == null ? List.of() : List.copyOf(run.results().distinct(c));
    }

    /** Splits a stem {@code <dataset>_<model>_<setting>_seed<k>}; a data set known from results.csv wins. */
    static Curve curve(CsvFile t, String stem, List<String> datasets) {
        String step = t.column("step");
        String loss = t.column("loss");
        if (step == null || loss == null) {
            throw new IllegalArgumentException("report: " + t.file() + " needs columns step, loss (has "
                    + t.columns() + ")");
        }
        String rest = stem;
        long seed = 0;
        int s = rest.lastIndexOf("_seed");
        if (s >= 0) {
            try {
                seed = Long.parseLong(rest.substring(s + 5));
                rest = rest.substring(0, s);
            } catch (NumberFormatException ignored) {
                // not a seed suffix: keep the whole stem
            }
        }
        String dataset = null;
        for (String d : datasets) {
            if (rest.startsWith(d + "_") && (dataset == null || d.length() > dataset.length())) {
                dataset = d;
            }
        }
        if (dataset == null) {
            int u = rest.indexOf('_');
            dataset = u < 0 ? "?" : rest.substring(0, u);
        }
        rest = rest.startsWith(dataset + "_") ? rest.substring(dataset.length() + 1) : rest;
        int u = rest.lastIndexOf('_');
        String model = u < 0 ? rest : rest.substring(0, u);
        String setting = u < 0 ? "" : rest.substring(u + 1);
        int n = t.rows().size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = t.require(i, step);
            y[i] = CsvFile.number(t.rows().get(i), loss);
        }
        int window = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        if (window > 1) {
            int m = (n + window - 1) / window;
            double[] bx = new double[m];
            double[] by = new double[m];
            for (int b = 0; b < m; b++) {
                int from = b * window;
                int to = Math.min(n, from + window);
                double sx = 0;
                double sy = 0;
                for (int i = from; i < to; i++) {
                    sx += x[i];
                    sy += y[i];
                }
                bx[b] = sx / (to - from);
                by[b] = sy / (to - from);
            }
            x = bx;
            y = by;
        }
        return new Curve(dataset, model, setting, seed, x, y, window);
    }
}
