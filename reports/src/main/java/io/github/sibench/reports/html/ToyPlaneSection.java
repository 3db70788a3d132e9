package io.github.sibench.reports.html;

import io.github.sibench.reports.CsvFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.data.Range;

/**
 * Section {@code toy-plane}: the toy's exact density and training points in the plane (toy/density.csv,
 * toy/train.csv) beside one scatter per model and sampler of its generated points (samples/*.csv, seed 0
 * of the first setting), coloured by class, on the same axes.
 *
 * <p>The axes are the density grid's extent when there is one; otherwise the 0.5% to 99.5% quantiles of
 * every shown point, widened by 5%, the same for every panel. Each panel shows at most {@link #MAX_POINTS}
 * points, every k-th row of its file.
 */
final class ToyPlaneSection {

    static final int MAX_POINTS = 2000;
    private static final int PANEL = 300;

    private ToyPlaneSection() {}

    private record Points(String title, String note, double[] x, double[] y, int[] cls) {}

    static Map<String, Object> build(Run run, Ids ids) {
        Charts.Grid density = run.csv("toy/density.csv").map(ToyPlaneSection::grid).orElse(null);
        Points train = run.csv("toy/train.csv").map(t -> points(t, "training points",
                t.column("class", "label", "assigned_class"))).orElse(null);
        List<Points> models = samples(run);
        if (models.isEmpty() && density == null && train == null) {
            return null;
        }
        Range xRange;
        Range yRange;
        if (density != null) {
            xRange = density.xRange();
            yRange = density.yRange();
        } else {
            List<Points> all = new ArrayList<>(models);
            if (train != null) {
                all.add(train);
            }
            xRange = quantileRange(all, true);
            yRange = quantileRange(all, false);
        }
        List<Object> panels = new ArrayList<>();
        TreeSet<Integer> classes = new TreeSet<>();
        if (density != null || train != null) {
            double[] x = train == null ? new double[0] : train.x();
            double[] y = train == null ? new double[0] : train.y();
            int[] c = train == null ? new int[0] : train.cls();
            String title = density == null ? "training points" : train == null ? "exact density"
                    : "exact density and training points";
            panels.add(panel(title, train == null ? "grey: exact density (log scale, 4 decades)"
                    : train.note() + (density == null ? "" : "; grey: exact density (log scale, 4 decades)"),
                    x, y, c, density, xRange, yRange, ids));
            Arrays.stream(c).forEach(classes::add);
        }
        for (Points p : models) {
            panels.add(panel(p.title(), p.note(), p.x(), p.y(), p.cls(), density, xRange, yRange, ids));
            Arrays.stream(p.cls()).forEach(classes::add);
        }
        List<Object> legend = new ArrayList<>();
        for (int k : classes) {
            legend.add(Fmt.map("color", Charts.css(Charts.classColor(k)),
                    "label", k < 0 ? "off support" : "class " + k));
        }
        String setting = models.isEmpty() ? null : models.get(0).title().replaceAll(".* · ", "");
        return Fmt.map("panels", panels, "legend", legend,
                "hasDensity", density != null ? Boolean.TRUE : null,
                "noToyFiles", density == null && train == null ? Boolean.TRUE : null,
                "axes", "y0 in " + Fmt.interval(xRange.getLowerBound(), xRange.getUpperBound()) + ", y1 in "
                        + Fmt.interval(yRange.getLowerBound(), yRange.getUpperBound()),
                "setting", setting);
    }

    private static Map<String, Object> panel(String title, String note, double[] x, double[] y, int[] cls,
            Charts.Grid density, Range xr, Range yr, Ids ids) {
        int outside = 0;
        for (int i = 0; i < x.length; i++) {
            if (!xr.contains(x[i]) || !yr.contains(y[i])) {
                outside++;
            }
        }
        String png = Charts.png(Charts.scatter(null, x, y, cls, density, xr, yr), PANEL, PANEL);
        String full = note + (outside > 0 ? "; " + outside + " outside the axes" : "");
        return Fmt.map("title", title, "note", full, "png", png, "id", ids.next(title));
    }

    /** Every model's samples of the first setting with sample files, at its smallest seed. */
    private static List<Points> samples(Run run) {
        CsvFile results = run.results();
        String model = results.column("model");
        String setting = results.column("setting");
        String label = results.column("sampler_label", "sampler");
        String seed = results.column("seed");
        if (model == null || setting == null || label == null || seed == null) {
            return List.of();
        }
        String firstSetting = null;
        // (model, sampler label) in results order -> smallest seed with a file
        Map<String, String[]> chosen = new java.util.LinkedHashMap<>();
        for (Map<String, String> r : results.rows()) {
            String stem = r.get(model) + "_" + r.get(setting) + "_" + r.get(label) + "_seed" + r.get(seed);
            if (!java.nio.file.Files.isRegularFile(run.dir().resolve("samples/" + stem + ".csv"))) {
                continue;
            }
            if (firstSetting == null) {
                firstSetting = r.get(setting);
            }
            if (!firstSetting.equals(r.get(setting))) {
                continue;
            }
            String key = r.get(model) + "\u0000" + r.get(label);
            String[] old = chosen.get(key);
            if (old == null || seedNumber(r.get(seed)) < seedNumber(old[3])) {
                chosen.put(key, new String[] {r.get(model), r.get(setting), r.get(label), r.get(seed), stem});
            }
        }
        List<Points> out = new ArrayList<>();
        for (String[] c : chosen.values()) {
            CsvFile t = run.csv("samples/" + c[4] + ".csv").orElseThrow();
            Points p = points(t, "samples", t.column("assigned_class"));
            out.add(new Points(c[0] + " · " + c[2] + " · seed " + c[3] + " · " + c[1], p.note(), p.x(), p.y(),
                    p.cls()));
        }
        return out;
    }

    private static long seedNumber(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Points of a file with columns Y0, Y1 (any case) and a class column, every k-th row. */
    private static Points points(CsvFile t, String what, String classColumn) {
        String cx = t.column("Y0");
        String cy = t.column("Y1");
        if (cx == null || cy == null) {
            throw new IllegalArgumentException("report: " + t.file() + " has no columns Y0, Y1 (has "
                    + t.columns() + ")");
        }
        int n = t.rows().size();
        int m = Math.min(n, MAX_POINTS);
        double[] x = new double[m];
        double[] y = new double[m];
        int[] cls = new int[m];
        int kept = 0;
        for (int i = 0; i < m; i++) {
            int row = (int) ((long) i * n / m);
            Map<String, String> r = t.rows().get(row);
            double vx = CsvFile.number(r, cx);
            double vy = CsvFile.number(r, cy);
            if (!Double.isFinite(vx) || !Double.isFinite(vy)) {
                continue;
            }
            double c = classColumn == null ? 0 : CsvFile.number(r, classColumn);
            x[kept] = vx;
            y[kept] = vy;
            cls[kept] = Double.isFinite(c) ? (int) c : -1;
            kept++;
        }
        String note = (m < n ? String.format(java.util.Locale.ROOT, "%,d of %,d %s", kept, n, what)
                : String.format(java.util.Locale.ROOT, "%,d %s", kept, what))
                + (kept < m ? " (" + (m - kept) + " non-finite left out)" : "");
        return new Points(what, note, Arrays.copyOf(x, kept), Arrays.copyOf(y, kept), Arrays.copyOf(cls, kept));
    }

    /** toy/density.csv: columns Y0, Y1, density on a regular grid (Y1 the outer loop). */
    static Charts.Grid grid(CsvFile t) {
        String cx = t.column("Y0");
        String cy = t.column("Y1");
        String cz = t.column("density", "p");
        if (cx == null || cy == null || cz == null) {
            throw new IllegalArgumentException("report: " + t.file() + " needs columns Y0, Y1, density (has "
                    + t.columns() + ")");
        }
        TreeMap<Double, Integer> xs = new TreeMap<>();
        TreeMap<Double, Integer> ys = new TreeMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            xs.put(t.require(i, cx), 0);
            ys.put(t.require(i, cy), 0);
        }
        if (xs.size() < 2 || ys.size() < 2 || (long) xs.size() * ys.size() != t.rows().size()) {
            throw new IllegalArgumentException("report: " + t.file() + " is not a regular grid: " + xs.size()
                    + " Y0 values x " + ys.size() + " Y1 values != " + t.rows().size() + " rows");
        }
        double[] x = index(xs);
        double[] y = index(ys);
        double[][] z = new double[y.length][x.length];
        for (int i = 0; i < t.rows().size(); i++) {
            Map<String, String> r = t.rows().get(i);
            z[ys.get(t.require(i, cy))][xs.get(t.require(i, cx))] = CsvFile.number(r, cz);
        }
        return new Charts.Grid(x, y, z);
    }

    private static double[] index(TreeMap<Double, Integer> values) {
        double[] out = new double[values.size()];
        int i = 0;
        for (Map.Entry<Double, Integer> e : values.entrySet()) {
            e.setValue(i);
            out[i++] = e.getKey();
        }
        return out;
    }

    private static Range quantileRange(List<Points> all, boolean xAxis) {
        int n = all.stream().mapToInt(p -> p.x().length).sum();
        if (n == 0) {
            return new Range(-1, 1);
        }
        double[] v = new double[n];
        int k = 0;
        for (Points p : all) {
            double[] src = xAxis ? p.x() : p.y();
            System.arraycopy(src, 0, v, k, src.length);
            k += src.length;
        }
        Arrays.sort(v);
        double lo = v[(int) Math.floor(0.005 * (n - 1))];
        double hi = v[(int) Math.ceil(0.995 * (n - 1))];
        double pad = Math.max(0.05 * (hi - lo), 1e-9);
        return new Range(lo - pad, hi + pad);
    }
}
