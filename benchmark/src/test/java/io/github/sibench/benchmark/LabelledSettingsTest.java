package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.models.train.TrainingSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unsup, cfg and semi settings: rows per setting, labelled training sets, per-class metrics. */
class LabelledSettingsTest {

    @TempDir
    Path dir;

    @Test
    void everySettingGivesItsRowsAndLabelledOnesGetPerClassMetrics() {
        List<String> o = TinyRuns.overrides(dir, "[0]",
                "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"heun\",\"steps\":10}]}]");
        o.add("settings=[\"unsup\",\"cfg\",\"semi\"]");
        RunConfig config = ConfigLoader.load("quick", null, o);
        BenchmarkRunner.Outcome out = new BenchmarkRunner(config, Progress.SILENT).run();
        assertEquals(0, out.failed());
        List<Map<String, String>> rows = TinyRuns.rows(out.results());
        assertEquals(List.of("unsup", "cfg", "semi"), rows.stream().map(r -> r.get("setting")).toList());
        for (Map<String, String> r : rows) {
            boolean labelled = !r.get("setting").equals("unsup");
            for (int k = 0; k < 3; k++) {
                String hit = r.get("class_hit_c" + k);
                String fid = r.get("fid_y_c" + k);
                assertEquals(labelled, !hit.isEmpty(), r.get("setting") + " class_hit_c" + k);
                assertEquals(labelled, !fid.isEmpty(), r.get("setting") + " fid_y_c" + k);
                if (labelled) {
                    double h = Double.parseDouble(hit);
                    assertTrue(h >= 0 && h <= 1, hit);
                    assertTrue(Double.parseDouble(fid) >= 0, fid);
                }
            }
        }
    }

    @Test
    void semiKeepsTheRequestedFractionOfLabelsAndCfgKeepsAll() {
        RunConfig config = TinyRuns.config(dir, "[0]", "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\"}]}]");
        ToyData data = ToyData.prepare(config.dataset());
        TrainingSet semi = data.training(Setting.SEMI, 0.3, 5);
        long kept = java.util.Arrays.stream(semi.labels()).filter(l -> l >= 0).count();
        assertEquals(Math.round(0.3 * semi.n()), kept);
        for (int i = 0; i < semi.n(); i++) {
            assertTrue(semi.labels()[i] == -1 || semi.labels()[i] == data.training().labels()[i]);
        }
        assertEquals(3, data.training(Setting.CFG, 0.3, 5).numClasses());
        assertEquals(0, data.training(Setting.UNSUP, 0.3, 5).numClasses());
    }

    /** Classes to generate follow the true class weights within binomial error. */
    @Test
    void drawnClassesFollowTheTrueWeights() {
        RunConfig config = TinyRuns.config(dir, "[0]", "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\"}]}]");
        ToyData data = ToyData.prepare(config.dataset());
        int n = 100_000;
        int[] classes = data.drawClasses(n, 3);
        double[] w = data.classWeights();
        for (int k = 0; k < w.length; k++) {
            final int c = k;
            double f = java.util.Arrays.stream(classes).filter(l -> l == c).count() / (double) n;
            assertEquals(w[k], f, 5 * Math.sqrt(w[k] * (1 - w[k]) / n), "class " + k);
        }
    }
}
