package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.config.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose loss turns NaN ({@link NanModelFactory}, registered for the tests only) next to a healthy
 * one, a model whose samples are NaN, and a sampler that model cannot run although its factory claims it
 * (a correct factory gets such a config refused at load): the failures become rows, the rest of the run
 * goes on.
 */
class FailurePathTest {

    private static final String MODELS = "[{\"name\":\"nan-model\",\"config\":{\"nanAfter\":3},"
            + "\"samplers\":[{\"name\":\"euler\",\"steps\":4},{\"name\":\"heun\",\"steps\":2}]},"
            + "{\"name\":\"nan-model\",\"label\":\"nan-samples\",\"config\":{\"nanAfter\":1000,\"nanSamples\":true},"
            + "\"samplers\":[{\"name\":\"rk4\",\"steps\":2},{\"name\":\"em\",\"steps\":4}]},"
            + "{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\",\"steps\":4},"
            + "{\"name\":\"heun\",\"steps\":2}]}]";

    @TempDir
    static Path tmp;

    private static BenchmarkRunner.Outcome outcome;
    private static List<Map<String, String>> rows;
    private static final List<String> messages = new ArrayList<>();

    @BeforeAll
    static void run() {
        RunConfig config = TinyRuns.config(tmp.resolve("run"), "[0]", MODELS);
        Progress recording = new Progress() {
            @Override
            public Task training(String name, int steps) {
                return Progress.SILENT.training(name, steps);
            }

            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        outcome = new BenchmarkRunner(config, recording).run();
        rows = TinyRuns.rows(outcome.results());
    }

    private static Map<String, String> row(String model, String sampler) {
        return rows.stream().filter(r -> r.get("model").equals(model) && r.get("sampler").equals(sampler)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + model + " " + sampler + " in " + rows));
    }

    @Test
    void nanModelRowsFailWithAReasonMentioningNaN() {
        for (String sampler : List.of("euler", "heun")) {
            Map<String, String> r = row("nan-model", sampler);
            assertEquals("failed", r.get("status"));
            assertTrue(r.get("reason").contains("NaN"), r.get("reason"));
            assertTrue(r.get("reason").contains("nan-model"), r.get("reason"));
            assertTrue(!r.get("reason").contains("\n"), "one-line reason");
            assertEquals("", r.get("fid_y"), "no metrics for a failed model");
            assertEquals("0", r.get("seed"));
        }
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("FAILED nan-model") && m.contains("NaN")), messages.toString());
    }

    @Test
    void healthyModelStillRuns() {
        for (String sampler : List.of("euler", "heun")) {
            Map<String, String> r = row("flow-matching", sampler);
            assertEquals("ok", r.get("status"), r.toString());
            assertTrue(Double.isFinite(Double.parseDouble(r.get("fid_y"))));
        }
    }

    @Test
    void unsupportedSamplerFailsItsRowOnly() {
        Map<String, String> r = row("nan-samples", "em");
        assertEquals("failed", r.get("status"));
        assertTrue(r.get("reason").contains("em") && r.get("reason").contains("score"), r.get("reason"));
        assertEquals("100", r.get("train_steps"), "the model itself trained");
        assertEquals("", r.get("fid_y"));
        assertTrue(Files.notExists(outcome.directory().resolve("samples").resolve("nan-samples_unsup_em-4-eps1.0_seed0.csv")));
        assertTrue(Files.exists(outcome.directory().resolve("samples").resolve("flow-matching_unsup_euler-4_seed0.csv")));
    }

    @Test
    void nonFiniteSamplesFailTheirRow() {
        Map<String, String> r = row("nan-samples", "rk4");
        assertEquals("failed", r.get("status"));
        assertTrue(r.get("reason").contains("not finite"), r.get("reason"));
        assertEquals("100", r.get("train_steps"), "training went through");
    }

    @Test
    void outcomeCountsTheFailures() {
        assertEquals(6, outcome.rows());
        assertEquals(6, rows.size());
        assertEquals(4, outcome.failed(), "two nan-model rows, the NaN samples and the em row; Main exits 1");
        assertTrue(Files.isRegularFile(outcome.directory().resolve("config.json")));
    }
}
