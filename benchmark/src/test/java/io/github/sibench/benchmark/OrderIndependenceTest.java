package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's rows do not depend on the rest of the suite: the same rows (timing columns aside) whether the
 * model runs alone, first or last, with stochastic samplers (em, edm-sde) and guided generation (cfg)
 * included. Also checks the provenance file of a run.
 */
class OrderIndependenceTest {

    private static final List<String> MODELS = List.of(
            "{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\",\"steps\":6}]}",
            "{\"name\":\"stochastic-interpolant\",\"samplers\":[{\"name\":\"em\",\"steps\":8,\"eps\":0.5}]}",
            "{\"name\":\"diffusion-edm\",\"samplers\":[{\"name\":\"edm-sde\",\"steps\":5,\"churn\":40}]}",
            "{\"name\":\"vae\",\"samplers\":[{\"name\":\"ancestral\"}]}");
    private static final List<String> TIMING = List.of("train_seconds", "steps_per_second", "sample_seconds");

    @TempDir
    static Path tmp;

    private static Path forwardDir;
    private static Map<String, Map<String, String>> forward;
    private static Map<String, Map<String, String>> reversed;
    private static Map<String, Map<String, String>> alone;

    @BeforeAll
    static void runInEveryOrder() {
        forwardDir = tmp.resolve("forward");
        forward = run(forwardDir, MODELS);
        List<String> backwards = new ArrayList<>(MODELS);
        Collections.reverse(backwards);
        reversed = run(tmp.resolve("reversed"), backwards);
        alone = new TreeMap<>();
        for (int i = 0; i < MODELS.size(); i++) {
            alone.putAll(run(tmp.resolve("alone" + i), List.of(MODELS.get(i))));
        }
    }

    private static Map<String, Map<String, String>> run(Path dir, List<String> models) {
        List<String> overrides = TinyRuns.overrides(dir, "[3]", "[" + String.join(",", models) + "]");
        overrides.add("settings=[unsup,cfg]");
        overrides.add("training.steps=40");
        overrides.add("training.warmupSteps=4");
        overrides.add("evaluation.nSamples=300");
        RunConfig config = ConfigLoader.load("quick", null, overrides);
        BenchmarkRunner.Outcome outcome = new BenchmarkRunner(config, Progress.SILENT).run();
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        for (Map<String, String> row : TinyRuns.rows(outcome.results())) {
            assertEquals("ok", row.get("status"), row.toString());
            Map<String, String> r = new LinkedHashMap<>(row);
            TIMING.forEach(r::remove);
            byKey.put(r.get("model") + " " + r.get("setting") + " " + r.get("sampler_label"), r);
        }
        return byKey;
    }

    @Test
    void rowsAreTheSameInAnyOrderAndAlone() {
        assertEquals(2 * MODELS.size(), forward.size(), forward.keySet().toString());
        assertEquals(forward.keySet(), reversed.keySet());
        assertEquals(forward.keySet(), alone.keySet());
        for (String key : forward.keySet()) {
            assertEquals(forward.get(key), reversed.get(key), "reversed order: " + key);
            assertEquals(forward.get(key), alone.get(key), "alone: " + key);
        }
    }

    /** Guard against a vacuous pass: the models' rows differ from each other. */
    @Test
    void rowsOfDifferentModelsDiffer() {
        List<String> fid = new ArrayList<>();
        forward.values().forEach(r -> fid.add(r.get("fid_y")));
        assertEquals(fid.size(), fid.stream().distinct().count(), fid.toString());
    }

    @Test
    void environmentRecordsProvenance() throws IOException {
        JsonNode env = new ObjectMapper().readTree(forwardDir.resolve("environment.json").toFile());
        for (String field : List.of("gitCommit", "java", "djl", "engine", "threads", "cpu", "os", "started", "ended")) {
            assertTrue(env.hasNonNull(field), "environment.json lacks " + field + ": " + env);
            assertFalse(env.get(field).asText().isBlank(), field);
        }
        assertTrue(env.get("engine").asText().startsWith("PyTorch "), env.get("engine").asText());
        assertTrue(env.get("cores").asInt() >= 1);
        Instant started = Instant.parse(env.get("started").asText());
        Instant ended = Instant.parse(env.get("ended").asText());
        assertFalse(ended.isBefore(started), started + " .. " + ended);
        assertNotNull(env.get("gitDirty"));
    }
}
