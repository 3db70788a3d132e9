package io.github.sibench.benchmark;

import io.github.sibench.benchmark.metrics.MetricSuite;
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

    private SampleFiles() {}

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
