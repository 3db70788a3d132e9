package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.config.ClassDraw;
import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.benchmark.metrics.MetricSuite;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.datasets.toys.SeedToy;
import io.github.sibench.models.train.TrainingSet;
import java.nio.file.Path;
import java.util.Arrays;
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
            recomputeFromTheSampleFile(out.directory(), r, config.evaluation().nSamples());
        }
    }

    /**
     * The sample file of a row alone gives back its likelihood, mass and per-class metrics: the mean and
     * median of -log_density, the fraction below the density floor, the class fractions and off-support
     * fraction from assigned_class, and the hit rates from requested_class against assigned_class.
     */
    private static void recomputeFromTheSampleFile(Path dir, Map<String, String> row, int n) {
        Path file = dir.resolve("samples").resolve(row.get("model") + "_" + row.get("setting") + "_"
                + row.get("sampler_label") + "_seed" + row.get("seed") + ".csv");
        List<Map<String, String>> points = TinyRuns.rows(file);
        assertEquals(n, points.size());
        double[] nll = points.stream().mapToDouble(p -> -Double.parseDouble(p.get("log_density"))).sorted().toArray();
        assertEquals(Double.parseDouble(row.get("nll_y")), Arrays.stream(nll).average().orElseThrow(), 1e-9);
        assertEquals(Double.parseDouble(row.get("nll_y_median")), 0.5 * (nll[n / 2 - 1] + nll[n / 2]), 1e-12);
        double floor = -Math.log(MetricSuite.DENSITY_FLOOR);
        assertEquals(Double.parseDouble(row.get("low_density_frac")),
                Arrays.stream(nll).filter(v -> v > floor).count() / (double) n, 1e-12);
        int[] assigned = points.stream().mapToInt(p -> Integer.parseInt(p.get("assigned_class"))).toArray();
        assertEquals(Double.parseDouble(row.get("off_support")), Arrays.stream(assigned).filter(c -> c == -1).count()
                / (double) n, 1e-12);
        double[] w = SeedToy.mixture().classWeights();
        boolean labelled = !row.get("setting").equals("unsup");
        for (int k = 0; k < 3; k++) {
            final int c = k;
            assertEquals(Double.parseDouble(row.get("mass_err_c" + k)),
                    Arrays.stream(assigned).filter(a -> a == c).count() / (double) n - w[k], 1e-12);
            long requested = points.stream().filter(p -> p.get("requested_class").equals(String.valueOf(c))).count();
            long hits = points.stream().filter(p -> p.get("requested_class").equals(String.valueOf(c))
                    && p.get("assigned_class").equals(String.valueOf(c))).count();
            if (labelled) {
                assertEquals(Double.parseDouble(row.get("class_hit_c" + k)), hits / (double) requested, 1e-12);
            } else {
                assertEquals(0, requested);
            }
        }
    }

    @Test
    void semiKeepsTheRequestedFractionOfLabelsAndCfgKeepsAll() {
        RunConfig config = TinyRuns.config(dir, "[0]", "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\"}]}]");
        ToyData data = ToyData.prepare(config.dataset());
        TrainingSet semi = data.training(Setting.SEMI, 0.3, SeedTree.root(5));
        long kept = java.util.Arrays.stream(semi.labels()).filter(l -> l >= 0).count();
        assertEquals(Math.round(0.3 * semi.n()), kept);
        for (int i = 0; i < semi.n(); i++) {
            assertTrue(semi.labels()[i] == -1 || semi.labels()[i] == data.training().labels()[i]);
        }
        assertEquals(3, data.training(Setting.CFG, 0.3, SeedTree.root(5)).numClasses());
        assertEquals(0, data.training(Setting.UNSUP, 0.3, SeedTree.root(5)).numClasses());
    }

    /** Classes to generate follow the true class weights ({@code weights}) or 1/3 each ({@code uniform}), within binomial error. */
    @Test
    void drawnClassesFollowTheConfiguredDraw() {
        RunConfig config = TinyRuns.config(dir, "[0]", "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\"}]}]");
        assertEquals(ClassDraw.WEIGHTS, config.guidance().classDraw());
        ToyData data = ToyData.prepare(config.dataset());
        int n = 100_000;
        for (ClassDraw draw : ClassDraw.values()) {
            int[] classes = data.drawClasses(n, draw, SeedTree.root(3));
            double[] w = draw == ClassDraw.WEIGHTS ? data.prepared().classWeights() : new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
            for (int k = 0; k < w.length; k++) {
                final int c = k;
                double f = java.util.Arrays.stream(classes).filter(l -> l == c).count() / (double) n;
                assertEquals(w[k], f, 5 * Math.sqrt(w[k] * (1 - w[k]) / n), draw + " class " + k);
            }
        }
    }
}
