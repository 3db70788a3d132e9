package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny run with all four kinds of ablation grid. A grid point at the run's own value must reproduce the
 * run's own row exactly (same seeds, same trained model or same training), a point elsewhere must change it,
 * and grid rows must not enter the ranking.
 */
class GridRunTest {

    private static final String MODELS = "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\",\"steps\":8},"
            + "{\"name\":\"heun\",\"steps\":4}]},"
            + "{\"name\":\"stochastic-interpolant\",\"config\":{\"a\":1.0},"
            + "\"samplers\":[{\"name\":\"heun\",\"steps\":4},{\"name\":\"em\",\"steps\":10,\"eps\":0.5}]}]";
    private static final String GRIDS = "[{\"name\":\"steps\",\"vary\":\"steps\",\"values\":[2,4],\"settings\":[\"unsup\"]},"
            + "{\"name\":\"size\",\"vary\":\"nTrain\",\"values\":[200,1000],\"models\":[\"flow-matching\"],"
            + "\"settings\":[\"unsup\"]},"
            + "{\"name\":\"w\",\"vary\":\"guidanceWeight\",\"values\":[0,2],\"models\":[\"stochastic-interpolant\"]},"
            + "{\"name\":\"eps\",\"vary\":\"eps\",\"values\":[0.5,1]}]";

    /** Columns that differ between two rows of the same samples only by their grid tags or timing. */
    private static final List<String> TAGS = List.of("grid", "grid_value", "train_seconds", "steps_per_second",
            "sample_seconds");

    @TempDir
    static Path tmp;

    private static BenchmarkRunner.Outcome outcome;
    private static List<Map<String, String>> rows;

    @BeforeAll
    static void run() {
        List<String> o = TinyRuns.overrides(tmp.resolve("run"), "[0,1]", MODELS);
        o.add("settings=[\"unsup\",\"cfg\"]");
        o.add("grids=" + GRIDS);
        outcome = new BenchmarkRunner(ConfigLoader.load("quick", null, o), Progress.SILENT).run();
        rows = TinyRuns.rows(outcome.results());
    }

    private static List<Map<String, String>> select(String grid, String value, String model, String setting,
            String sampler) {
        return rows.stream().filter(r -> r.get("grid").equals(grid) && r.get("grid_value").equals(value)
                && r.get("model").equals(model) && r.get("setting").equals(setting)
                && r.get("sampler_label").equals(sampler)).toList();
    }

    private static Map<String, String> untagged(Map<String, String> r) {
        Map<String, String> m = new HashMap<>(r);
        TAGS.forEach(m::remove);
        return m;
    }

    @Test
    void everyGridPointIsOneRowPerModelSettingSeedAndSampler() {
        assertEquals(0, outcome.failed());
        Map<String, Integer> count = new TreeMap<>();
        rows.forEach(r -> count.merge(r.get("grid") + "=" + r.get("grid_value") + " " + r.get("model") + " "
                + r.get("setting"), 1, Integer::sum));
        Map<String, Integer> expected = new TreeMap<>();
        for (String m : List.of("flow-matching", "stochastic-interpolant")) {
            for (String s : List.of("unsup", "cfg")) {
                expected.put("= " + m + " " + s, 4); // 2 samplers x 2 seeds
            }
            for (String v : List.of("2", "4")) {
                expected.put("steps=" + v + " " + m + " unsup", 4); // every fixed-step sampler, unsup only
            }
        }
        for (String v : List.of("200", "1000")) {
            expected.put("size=" + v + " flow-matching unsup", 2); // primary sampler only
        }
        for (String v : List.of("0", "2")) {
            expected.put("w=" + v + " stochastic-interpolant cfg", 2); // labelled settings only
        }
        for (String v : List.of("0.5", "1")) {
            for (String s : List.of("unsup", "cfg")) {
                expected.put("eps=" + v + " stochastic-interpolant " + s, 2); // em samplers only: not flow matching
            }
        }
        assertEquals(expected, count);
    }

    @Test
    void aGridPointAtTheRunsOwnValueReproducesTheRunsOwnRow() {
        for (String seed : List.of("0", "1")) {
            // the same trained model, the same generation seed
            assertSame(select("steps", "4", "flow-matching", "unsup", "heun-4"), select("", "", "flow-matching", "unsup",
                    "heun-4"), seed);
            assertSame(select("eps", "0.5", "stochastic-interpolant", "cfg", "em-10-eps0.5"),
                    select("", "", "stochastic-interpolant", "cfg", "em-10-eps0.5"), seed);
            assertSame(select("w", "2", "stochastic-interpolant", "cfg", "heun-4"),
                    select("", "", "stochastic-interpolant", "cfg", "heun-4"), seed);
            // trained again on the same 1,000 points: the same loss curve and samples
            assertSame(select("size", "1000", "flow-matching", "unsup", "euler-8"),
                    select("", "", "flow-matching", "unsup", "euler-8"), seed);
        }
    }

    private static void assertSame(List<Map<String, String>> grid, List<Map<String, String>> own, String seed) {
        Map<String, String> g = grid.stream().filter(r -> r.get("seed").equals(seed)).findFirst().orElseThrow();
        Map<String, String> o = own.stream().filter(r -> r.get("seed").equals(seed)).findFirst().orElseThrow();
        assertEquals(untagged(o), untagged(g));
    }

    @Test
    void aGridPointElsewhereChangesWhatItVaries() {
        Map<String, String> small = select("size", "200", "flow-matching", "unsup", "euler-8").get(0);
        Map<String, String> full = select("size", "1000", "flow-matching", "unsup", "euler-8").get(0);
        assertEquals("200", small.get("n_train"));
        assertNotEquals(full.get("final_loss"), small.get("final_loss"));
        Map<String, String> w0 = select("w", "0", "stochastic-interpolant", "cfg", "heun-4").get(0);
        assertEquals("0.0", w0.get("guidance_weight"));
        assertNotEquals(select("w", "2", "stochastic-interpolant", "cfg", "heun-4").get(0).get("fid_y"), w0.get("fid_y"));
        Map<String, String> twoSteps = select("steps", "2", "stochastic-interpolant", "unsup", "em-2-eps0.5").get(0);
        assertEquals("2", twoSteps.get("steps"));
        assertEquals("2", twoSteps.get("nfe"));
        assertEquals("", select("eps", "1", "stochastic-interpolant", "unsup", "em-10-eps1.0").get(0)
                .get("guidance_weight"), "no guidance without labels");
    }

    @Test
    void onlyTheRunsOwnRowsAreRanked() {
        for (Map<String, String> r : TinyRuns.rows(outcome.directory().resolve("ranking.csv"))) {
            String primary = r.get("model").equals("flow-matching") ? "euler-8" : "heun-4";
            double mean = select("", "", r.get("model"), r.get("setting"), primary).stream()
                    .mapToDouble(x -> Double.parseDouble(x.get("fid_y"))).average().orElseThrow();
            assertEquals(mean, Double.parseDouble(r.get("mean")), 1e-12 * mean, r.toString());
            assertEquals("2", r.get("n_seeds"));
        }
    }

    @Test
    void sampleEfficiencyJoinsTheRunsOwnRowsWithTheStepsGrid() {
        List<Map<String, String>> eff = TinyRuns.rows(outcome.directory().resolve("efficiency.csv"));
        Map<String, String> euler = eff.stream().filter(r -> r.get("model").equals("flow-matching")
                && r.get("sampler_family").equals("euler") && r.get("setting").equals("unsup")).findFirst().orElseThrow();
        assertEquals("3", euler.get("points")); // 2 and 4 from the grid, 8 of its own
        // recomputed from results.csv: mean FID-Y over seeds at each NFE
        Map<Integer, Double> curve = new TreeMap<>();
        for (String steps : List.of("2", "4", "8")) {
            List<Map<String, String>> at = new ArrayList<>(select(steps.equals("8") ? "" : "steps",
                    steps.equals("8") ? "" : steps, "flow-matching", "unsup", "euler-" + steps));
            curve.put(Integer.parseInt(steps), at.stream().mapToDouble(x -> Double.parseDouble(x.get("fid_y")))
                    .average().orElseThrow());
        }
        double best = curve.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        int within = curve.entrySet().stream().filter(e -> e.getValue() <= 1.1 * best).findFirst().orElseThrow().getKey();
        assertEquals(best, Double.parseDouble(euler.get("best_fid_y")), 1e-12 * best);
        assertEquals(String.valueOf(within), euler.get("nfe_within_10pct"));
        // the eps grid does not vary steps, so it adds no curve; cfg rows were sampled at one step count only
        assertTrue(eff.stream().noneMatch(r -> r.get("setting").equals("cfg")));
        assertTrue(eff.stream().noneMatch(r -> r.get("sampler_family").equals("em-eps1.0")));
    }

    @Test
    void gridRowsHaveTheirOwnFilesAndSummaries() {
        Path dir = outcome.directory();
        assertTrue(Files.isRegularFile(dir.resolve("samples/flow-matching_unsup_heun-4_steps-4_seed0.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("samples/flow-matching_unsup_heun-4_seed0.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("losses/seed-toy_flow-matching_size-200_unsup_seed1.csv")));
        List<Map<String, String>> summary = TinyRuns.rows(dir.resolve("summary.csv"));
        assertEquals(2, summary.stream().filter(r -> r.get("metric").equals("fid_y") && r.get("model").equals("flow-matching")
                && r.get("setting").equals("unsup") && r.get("sampler_label").equals("heun-4")).count(),
                "the run's own heun-4 and the steps grid's point at 4 steps are summarised apart");
    }
}
