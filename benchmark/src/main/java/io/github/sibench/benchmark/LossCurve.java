package io.github.sibench.benchmark;

import io.github.sibench.models.train.TrainingListener;
import io.github.sibench.reports.CsvTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run's loss curve: the reported loss at every {@code stride}-th step, {@code stride =
 * ceil(steps / }{@value #MAX_POINTS}{@code )}, and at the last step, written as CSV with columns
 * {@code step} (steps done, from 1) and {@code loss} (empty when it was not finite, e.g. the step where a
 * run diverged).
 */
final class LossCurve implements TrainingListener {

    /** Most points kept, about. */
    static final int MAX_POINTS = 500;

    private final int stride;
    private final CsvTable table = new CsvTable(List.of("step", "loss"));

    /** A curve for a run of {@code steps} steps. */
    LossCurve(int steps) {
        this.stride = Math.max(1, (steps + MAX_POINTS - 1) / MAX_POINTS);
    }

    @Override
    public void onStep(int done, int total, double loss, double learningRate) {
        if (done % stride == 0 || done == total) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", done);
            if (Double.isFinite(loss)) {
                row.put("loss", loss);
            }
            table.add(row);
        }
    }

    /** Writes the points recorded so far to {@code file} (atomically). */
    void write(Path file) {
        table.write(file);
    }
}
