package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardTest {

    private static final String MODELS = "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\",\"steps\":8}]},"
            + "{\"name\":\"diffusion-edm\",\"samplers\":[{\"name\":\"edm-heun\",\"steps\":4}]},"
            + "{\"name\":\"stochastic-interpolant\",\"config\":{\"a\":1.0},\"samplers\":[{\"name\":\"heun\",\"steps\":4}]}]";

    /** A training-set-size grid: its cells train again, so they are shared out like the run's own. */
    private static final String GRID = "grids=[{\"name\":\"size\",\"vary\":\"nTrain\",\"values\":[200]}]";

    @TempDir
    Path tmp;

    /**
     * Two shards of a run with a grid run as two processes (the second takes its index from SLURM_ARRAY_TASK_ID, as a Slurm array
     * task would), then merged: the same results.csv and ranking.csv as one process, timing columns aside.
     */
    @Test
    void twoShardsInTwoProcessesMergeToTheSingleProcessResults() throws Exception {
        List<String> whole0 = TinyRuns.overrides(tmp.resolve("whole"), "[0,1]", MODELS);
        whole0.add(GRID);
        BenchmarkRunner.Outcome whole = new BenchmarkRunner(
                io.github.sibench.benchmark.config.ConfigLoader.load("quick", null, whole0), Progress.SILENT).run();
        Path base = tmp.resolve("sharded");
        List<String> overrides = TinyRuns.overrides(base, "[0,1]", MODELS);
        overrides.add(GRID);
        List<String> args = TinyRuns.setArgs(overrides);
        List<String> first = new java.util.ArrayList<>(List.of("run", "--shard", "0/2"));
        first.addAll(args);
        Process a = TinyRuns.launch(tmp.resolve("a.log"), first);
        List<String> second = new java.util.ArrayList<>(List.of("run", "--shard", "2"));
        second.addAll(args);
        ProcessBuilder b = new ProcessBuilder(TinyRuns.command(second)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("b.log").toFile());
        b.environment().put("SLURM_ARRAY_TASK_ID", "1");
        Process pb = b.start();
        assertTrue(a.waitFor(180, TimeUnit.SECONDS) && pb.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), Files.readString(tmp.resolve("a.log")));
        assertEquals(0, pb.exitValue(), Files.readString(tmp.resolve("b.log")));
        Path s0 = base.resolve("shard-0-of-2");
        Path s1 = base.resolve("shard-1-of-2");
        // 3 models x 2 seeds, then the same on 200 training points
        assertEquals(6, TinyRuns.rows(s0.resolve("results.csv")).size(), "cells 0, 2, ..., 10 of 12");
        assertEquals(6, TinyRuns.rows(s1.resolve("results.csv")).size(), "cells 1, 3, ..., 11 of 12");

        Path merged = tmp.resolve("merged");
        MainTest.Result r = MainTest.execute("merge", merged.toString(), s1.toString(), s0.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(TinyRuns.withoutTiming(whole.results()), TinyRuns.withoutTiming(merged.resolve("results.csv")));
        assertEquals(Files.readString(whole.directory().resolve("ranking.csv")),
                Files.readString(merged.resolve("ranking.csv")));
        assertTrue(Files.isRegularFile(merged.resolve("report.html")));
    }

    @Test
    void mergeRefusesShardsOfDifferentRunsAndMissingShards() throws Exception {
        Path one = tmp.resolve("one");
        new BenchmarkRunner(TinyRuns.config(one, "[0]", MODELS), Progress.SILENT, new Shard(0, 2)).run();
        Path other = tmp.resolve("other");
        List<String> changed = TinyRuns.overrides(other, "[0]", MODELS);
        changed.add("training.steps=50");
        new BenchmarkRunner(io.github.sibench.benchmark.config.ConfigLoader.load("quick", null, changed),
                Progress.SILENT, new Shard(1, 2)).run();
        MainTest.Result differ = MainTest.execute("merge", tmp.resolve("m").toString(), one.toString(), other.toString());
        assertEquals(2, differ.code());
        assertTrue(differ.err().contains("was run with another configuration"), differ.err());
        MainTest.Result missing = MainTest.execute("merge", tmp.resolve("m").toString(), one.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("shards [1] of 2 are missing"), missing.err());
    }

    @Test
    void shardsParseFromTheCommandLineOrTheSchedulersIndex() {
        assertEquals(new Shard(1, 4), Shard.parse("1/4", Map.of()));
        assertEquals(new Shard(3, 4), Shard.parse("4", Map.of("SLURM_ARRAY_TASK_ID", "3")));
        assertEquals(new Shard(2, 4), Shard.parse("4", Map.of("JOB_COMPLETION_INDEX", "2")));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/4", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b", Map.of()));
        Shard s = new Shard(1, 3);
        assertTrue(!s.owns(0) && s.owns(1) && !s.owns(2) && s.owns(4));
    }
}
