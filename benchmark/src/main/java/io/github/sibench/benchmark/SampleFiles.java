package io.github.sibench.benchmark;

import io.github.sibench.benchmark.metrics.MetricSuite;
import io.github.sibench.datasets.PreparedToy;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.reports.CsvTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes generated points as CSV, one row per point, with everything needed to recompute every metric from
 * the file alone: {@code y0, y1} (the point in the plane), {@code residual} (its off-manifold residual),
 * {@code log_density} (exact {@code log p(y)}, empty without an exact density), {@code assigned_class}
 * (the class of its region, -1 off-support, empty without exact classes) and {@code requested_class}
 * (the class it was generated for, empty for unconditional generation).
 */
final class SampleFiles {

    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("y0", "y1", "residual", "log_density", "assigned_class",
            "requested_class");

    /** Grid points per axis of {@code toy/density.csv}. */
    static final int DENSITY_GRID = 128;

    private SampleFiles() {}

    /**
     * Writes what a plot of the toy needs beside the generated points: {@code toy/train.csv}, the training
     * points in the plane with their class ({@code y0, y1, class}), and, when the toy's density is known
     * exactly, {@code toy/density.csv}: {@code y0, y1, density} on a regular {@value #DENSITY_GRID} x
     * {@value #DENSITY_GRID} grid (y1 the outer loop, y0 the inner) over the training points' range padded
     * by 25% on each side (room for generated points that stray).
     */
    static void writeToy(Path dir, PreparedToy toy) {
        Points points = toy.trainingPoints();
        double[] xy = points.xy();
        CsvTable train = new CsvTable(List.of("y0", "y1", "class"));
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < points.labels().length; i++) {
            train.add(Map.of("y0", xy[2 * i], "y1", xy[2 * i + 1], "class", points.labels()[i]));
            for (int a = 0; a < 2; a++) {
                lo[a] = Math.min(lo[a], xy[2 * i + a]);
                hi[a] = Math.max(hi[a], xy[2 * i + a]);
            }
        }
        train.write(dir.resolve("train.csv"));
        toy.toy().density().ifPresent(density -> {
            CsvTable grid = new CsvTable(List.of("y0", "y1", "density"));
            double[] step = new double[2];
            for (int a = 0; a < 2; a++) {
                double pad = 0.25 * (hi[a] - lo[a]);
                lo[a] -= pad;
                step[a] = (hi[a] + pad - lo[a]) / (DENSITY_GRID - 1);
            }
            for (int j = 0; j < DENSITY_GRID; j++) {
                double y1 = lo[1] + j * step[1];
                for (int i = 0; i < DENSITY_GRID; i++) {
                    double y0 = lo[0] + i * step[0];
                    grid.add(Map.of("y0", y0, "y1", y1, "density", Math.exp(density.logDensity(y0, y1))));
                }
            }
            grid.write(dir.resolve("density.csv"));
        });
    }

    /**
     * @param requested the class each point was generated for, or null
     * @param scores the points' exact log-densities and assigned classes ({@link MetricSuite#score})
     */
    static void write(Path file, ToyData.Projected p, int[] requested, MetricSuite.PointScores scores) {
        CsvTable t = new CsvTable(COLUMNS);
        for (int i = 0; i < p.residual().length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("y0", p.y()[2 * i]);
            row.put("y1", p.y()[2 * i + 1]);
            row.put("residual", p.residual()[i]);
            if (scores.logDensity() != null) {
                row.put("log_density", scores.logDensity()[i]);
            }
            if (scores.assigned() != null) {
                row.put("assigned_class", scores.assigned()[i]);
            }
            if (requested != null) {
                row.put("requested_class", requested[i]);
            }
            t.add(row);
        }
        t.write(file);
    }
}
