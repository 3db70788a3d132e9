package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.metrics.MetricSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a tiny run (seed toy in dimension 8, 100 training steps, 500 samples): both registered
 * models, two samplers each, two seeds, run twice from scratch to check determinism.
 */
class BenchmarkRunnerTest {

    private static final String MODELS = "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\",\"steps\":8},"
            + "{\"name\":\"heun\",\"steps\":4}]},"
            + "{\"name\":\"stochastic-interpolant\",\"config\":{\"a\":1.0},"
            + "\"samplers\":[{\"name\":\"heun\",\"steps\":4},{\"name\":\"em\",\"steps\":10,\"eps\":0.5}]}]";
    private static final List<String> TIMING = List.of("train_seconds", "steps_per_second", "sample_seconds");

    @TempDir
    static Path tmp;

    private static RunConfig config;
    private static BenchmarkRunner.Outcome first;
    private static BenchmarkRunner.Outcome second;
    private static List<Map<String, String>> rows;

    @BeforeAll
    static void runTwice() {
        config = TinyRuns.config(tmp.resolve("first"), "[0,1]", MODELS);
        first = new BenchmarkRunner(config, Progress.SILENT).run();
        RunConfig again = TinyRuns.config(tmp.resolve("second"), "[0,1]", MODELS);
        second = new BenchmarkRunner(again, Progress.SILENT).run();
        rows = TinyRuns.rows(first.results());
    }

    private static List<String> metricColumns() {
        return new MetricSuite(ToyData.prepare(config.dataset()), config.evaluation()).columns();
    }

    @Test
    void resultsHaveTheDocumentedStableColumns() {
        List<String> expected = new ArrayList<>(BenchmarkRunner.BASE_COLUMNS);
        expected.addAll(metricColumns());
        assertEquals(expected, TinyRuns.header(first.results()));
        assertEquals(List.of("status", "reason", "model", "interpolant", "setting", "sampler", "sampler_label", "steps",
                "nfe", "guidance_weight", "grid", "grid_value", "dataset", "ambient_dim", "n_train", "seed", "train_steps", "train_seconds", "steps_per_second",
                "sample_seconds", "final_loss", "network"), BenchmarkRunner.BASE_COLUMNS);
    }

    @Test
    void twoSeedsRankTheModelsByTheirPrimarySamplerAndSummariseEveryMetric() {
        List<Map<String, String>> ranking = TinyRuns.rows(first.directory().resolve("ranking.csv"));
        assertEquals(2, ranking.size());
        for (Map<String, String> r : ranking) {
            assertEquals("fid_y", r.get("metric"));
            assertEquals("2", r.get("n_seeds"));
            // the mean is the mean of the primary sampler's fid_y over the two seeds
            String primary = r.get("model").equals("flow-matching") ? "euler-8" : "heun-4";
            double mean = rows.stream().filter(x -> x.get("model").equals(r.get("model"))
                    && x.get("sampler_label").equals(primary)).mapToDouble(x -> Double.parseDouble(x.get("fid_y")))
                    .average().orElseThrow();
            assertEquals(mean, Double.parseDouble(r.get("mean")), 1e-12 * (1 + mean));
            double low = Double.parseDouble(r.get("ci_low"));
            double high = Double.parseDouble(r.get("ci_high"));
            assertTrue(low <= mean && mean <= high, r.toString());
        }
        List<Map<String, String>> summary = TinyRuns.rows(first.directory().resolve("summary.csv"));
        assertTrue(summary.stream().anyMatch(r -> r.get("model").equals("stochastic-interpolant")
                && r.get("sampler_label").equals("em-10-eps0.5") && r.get("metric").equals("fid_y")
                && r.get("n_seeds").equals("2")), summary.toString());
    }

    @Test
    void oneOkRowPerModelSamplerAndSeed() {
        assertEquals(8, rows.size());
        assertEquals(8, first.rows());
        assertEquals(0, first.failed());
        assertEquals(first.results(), first.directory().resolve("results.csv"));
        Set<String> keys = new HashSet<>();
        for (Map<String, String> r : rows) {
            assertEquals("ok", r.get("status"), r.toString());
            assertEquals("", r.get("reason"));
            keys.add(r.get("model") + " " + r.get("sampler_label") + " " + r.get("seed"));
        }
        Set<String> expected = new HashSet<>();
        for (String seed : List.of("0", "1")) {
            for (String s : List.of("flow-matching euler-8", "flow-matching heun-4", "stochastic-interpolant heun-4",
                    "stochastic-interpolant em-10-eps0.5")) {
                expected.add(s + " " + seed);
            }
        }
        assertEquals(expected, keys);
    }

    @Test
    void rowsDescribeTheRun() {
        for (Map<String, String> r : rows) {
            assertEquals("seed-toy", r.get("dataset"));
            assertEquals("8", r.get("ambient_dim"));
            assertEquals("1000", r.get("n_train"));
            assertEquals("100", r.get("train_steps"));
            assertEquals("unsup", r.get("setting"));
            assertEquals(r.get("model").equals("flow-matching") ? "linear" : "si(a=1.0)", r.get("interpolant"));
            // NFE per sample as documented in SamplerSpec: euler N, heun 2N - 1, em N
            int steps = Integer.parseInt(r.get("steps"));
            int nfe = switch (r.get("sampler")) {
                case "euler", "em" -> steps;
                case "heun" -> 2 * steps - 1;
                default -> throw new AssertionError(r.get("sampler"));
            };
            assertEquals(nfe, Integer.parseInt(r.get("nfe")), r.toString());
            for (String c : List.of("final_loss", "train_seconds", "steps_per_second", "sample_seconds")) {
                double v = Double.parseDouble(r.get(c));
                assertTrue(Double.isFinite(v) && v > 0, c + " = " + v);
            }
        }
    }

    @Test
    void everyMetricIsFiniteAndPerClassMetricsAreEmptyWithoutLabels() {
        for (Map<String, String> r : rows) {
            for (String c : metricColumns()) {
                if (c.startsWith("class_hit_") || c.matches("fid_y_c\\d+")) {
                    assertEquals("", r.get(c), "unsup rows have no per-class metrics: " + c);
                    continue;
                }
                double v = Double.parseDouble(r.get(c));
                assertTrue(Double.isFinite(v), c + " = " + r.get(c) + " in " + r);
            }
            assertTrue(Double.parseDouble(r.get("fid_y")) >= 0);
            assertTrue(Double.parseDouble(r.get("off_manifold")) > 0, "generated points leave the plane a little");
        }
    }

    @Test
    void configJsonIsWrittenAndLoadsBackToTheSameConfig() {
        Path json = first.directory().resolve("config.json");
        assertTrue(Files.isRegularFile(json));
        assertEquals(config, ConfigLoader.load(null, json, List.of()));
    }

    @Test
    void samplesAreWrittenPerRun() {
        for (Map<String, String> r : rows) {
            String name = r.get("model") + "_unsup_" + r.get("sampler_label") + "_seed" + r.get("seed") + ".csv";
            Path f = first.directory().resolve("samples").resolve(name);
            assertTrue(Files.isRegularFile(f), f.toString());
            assertEquals(List.of("y0", "y1", "residual", "log_density", "assigned_class", "requested_class"),
                    TinyRuns.header(f));
            List<Map<String, String>> points = TinyRuns.rows(f);
            assertEquals(config.evaluation().nSamples(), points.size());
            for (Map<String, String> p : points) {
                for (String c : List.of("y0", "y1", "residual", "log_density")) {
                    assertTrue(Double.isFinite(Double.parseDouble(p.get(c))), c + " " + p);
                }
                int assigned = Integer.parseInt(p.get("assigned_class"));
                assertTrue(assigned >= -1 && assigned < 3, p.toString());
                assertEquals("", p.get("requested_class"), "unconditional generation requests no class");
            }
        }
    }

    @Test
    void lossCurvesAreWrittenPerTrainingRun() {
        int steps = config.training().steps();
        for (String model : List.of("flow-matching", "stochastic-interpolant")) {
            for (long seed : config.seeds()) {
                Path f = first.directory().resolve("losses").resolve(config.dataset().name() + "_" + model
                        + "_unsup_seed" + seed + ".csv");
                assertEquals(List.of("step", "loss"), TinyRuns.header(f));
                List<Map<String, String>> points = TinyRuns.rows(f);
                assertEquals(String.valueOf(steps), points.get(points.size() - 1).get("step"), "ends at the last step");
                assertTrue(points.size() <= LossCurve.MAX_POINTS + 1, "at most about MAX_POINTS points");
                String finalLoss = rows.stream().filter(r -> r.get("model").equals(model)
                        && r.get("seed").equals(String.valueOf(seed))).findFirst().orElseThrow().get("final_loss");
                // every step is kept at this size, and final_loss is the mean over the last 5% of steps
                assertEquals(steps, points.size());
                int tail = Math.max(1, steps / 20);
                double mean = points.subList(steps - tail, steps).stream()
                        .mapToDouble(p -> Double.parseDouble(p.get("loss"))).average().orElseThrow();
                assertEquals(Double.parseDouble(finalLoss), mean, 1e-6 * Math.abs(mean), "final_loss from the curve");
            }
        }
    }

    /**
     * The toy's plot files: every training point with its class, and the exact density on a regular grid (y1
     * the outer loop) that covers every training point, each value the toy's density at that grid point.
     */
    @Test
    void toyPointsAndDensityAreWrittenForPlots() {
        Path dir = first.directory().resolve("toy");
        List<Map<String, String>> train = TinyRuns.rows(dir.resolve("train.csv"));
        assertEquals(config.dataset().nTrain(), train.size());
        assertEquals(List.of("y0", "y1", "class"), TinyRuns.header(dir.resolve("train.csv")));
        List<Map<String, String>> grid = TinyRuns.rows(dir.resolve("density.csv"));
        int g = SampleFiles.DENSITY_GRID;
        assertEquals(g * g, grid.size());
        java.util.function.BiFunction<Integer, String, Double> at = (i, c) -> Double.parseDouble(grid.get(i).get(c));
        for (Map<String, String> p : train) {
            double y0 = Double.parseDouble(p.get("y0"));
            double y1 = Double.parseDouble(p.get("y1"));
            assertTrue(at.apply(0, "y0") < y0 && y0 < at.apply(g - 1, "y0"), "y0 " + y0 + " outside the grid");
            assertTrue(at.apply(0, "y1") < y1 && y1 < at.apply(g * (g - 1), "y1"), "y1 " + y1 + " outside the grid");
        }
        var density = ToyData.prepare(config.dataset()).prepared().toy().density().orElseThrow();
        for (int k = 0; k < grid.size(); k += 97) {
            assertEquals(at.apply(k % g, "y0"), at.apply(k, "y0"), 0, "y0 runs along the inner loop");
            assertEquals(at.apply((k / g) * g, "y1"), at.apply(k, "y1"), 0, "y1 is constant along a row");
            double expected = Math.exp(density.logDensity(at.apply(k, "y0"), at.apply(k, "y1")));
            assertEquals(expected, at.apply(k, "density"), 1e-12 * Math.max(1, expected));
        }
    }

    @Test
    void agreementCoversTheScoreColumnsOfTheRun() {
        List<Map<String, String>> matrix = TinyRuns.rows(first.directory().resolve("agreement.csv"));
        List<String> metrics = matrix.stream().map(r -> r.get("metric")).toList();
        assertEquals("final_loss", metrics.get(0));
        assertTrue(metrics.containsAll(List.of("fid_y", "sliced_w2_y", "off_manifold")), metrics.toString());
        assertTrue(!metrics.contains("train_seconds") && !metrics.contains("fid_y_ci_low"), metrics.toString());
        assertEquals(1.0, Double.parseDouble(matrix.get(1).get("fid_y")), 1e-12, "a metric agrees with itself");
    }

    @Test
    void theRunEndsWithItsReportShowingWhatItHas() throws Exception {
        String html = Files.readString(first.directory().resolve("report.html"));
        for (String id : List.of("config", "toy-plane", "losses", "metrics", "agreement", "ranking", "figure4")) {
            assertTrue(html.contains("<section id=\"" + id + "\""), "section " + id + " missing");
        }
        assertTrue(!html.contains("<section id=\"verdict\""), "no image stage, no verdict");
    }

    @Test
    void columnsJsonDescribesEveryScoreColumn() throws Exception {
        Map<?, ?> described = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(first.directory().resolve("columns.json").toFile(), Map.class);
        for (String column : metricColumns()) {
            Map<?, ?> info = (Map<?, ?>) described.get(column);
            assertTrue(info != null && !((String) info.get("description")).isBlank(), column + " is not described");
            assertTrue(List.of("lower", "higher", "zero", "none").contains(info.get("direction")), column);
            assertTrue(List.of("plane", "ambient").contains(info.get("space")), column + " is measured on the toy: "
                    + info.get("space"));
        }
    }

    /** Same config, fresh process state: identical results apart from the timing columns. */
    @Test
    void sameConfigTwiceGivesIdenticalResults() {
        assertEquals(TinyRuns.header(first.results()), TinyRuns.header(second.results()));
        List<Map<String, String>> a = withoutTiming(rows);
        List<Map<String, String>> b = withoutTiming(TinyRuns.rows(second.results()));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "row " + i);
        }
    }

    private static List<Map<String, String>> withoutTiming(List<Map<String, String>> in) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : in) {
            Map<String, String> m = new LinkedHashMap<>(r);
            TIMING.forEach(m::remove);
            out.add(m);
        }
        return out;
    }
}
