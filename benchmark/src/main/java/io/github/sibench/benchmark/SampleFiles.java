package io.github.sibench.benchmark;

import io.github.sibench.reports.CsvTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes generated points (in the plane, with their off-manifold residual) as CSV: columns y0, y1, residual. */
final class SampleFiles {

    private SampleFiles() {}

    static void write(Path file, ToyData.Projected p) {
        CsvTable t = new CsvTable(List.of("y0", "y1", "residual"));
        for (int i = 0; i < p.residual().length; i++) {
            t.add(Map.of("y0", p.y()[2 * i], "y1", p.y()[2 * i + 1], "residual", p.residual()[i]));
        }
        t.write(file);
    }
}
