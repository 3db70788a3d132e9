package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle (another JVM, killed once its first cell is finished and while
 * later cells train) and then run again with the same command ends with the same results.csv as an
 * uninterrupted run: finished cells are read back (timings included), the interrupted one is redone.
 */
class ResumeTest {

    private static final String MODELS = "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"euler\",\"steps\":8}]},"
            + "{\"name\":\"diffusion-edm\",\"samplers\":[{\"name\":\"edm-heun\",\"steps\":4}]}]";

    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidCellResumesToTheSameResults() throws Exception {
        Path whole = tmp.resolve("whole");
        BenchmarkRunner.Outcome reference = new BenchmarkRunner(TinyRuns.config(whole, "[0,1]", MODELS),
                Progress.SILENT).run();
        assertEquals(0, reference.failed());

        Path killed = tmp.resolve("killed");
        Process p = TinyRuns.launch(tmp.resolve("killed.log"), TinyRuns.setArgs(TinyRuns.overrides(killed, "[0,1]", MODELS)));
        Path cells = killed.resolve("cells");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (cellCount(cells) < 1 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run ended before it could be killed: " + Files.readString(tmp.resolve("killed.log")));
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no cleanup
        int finished = cellCount(cells);
        assertTrue(finished >= 1 && finished < 4, finished + " of 4 cells finished when killed");

        BenchmarkRunner.Outcome resumed = new BenchmarkRunner(TinyRuns.config(killed, "[0,1]", MODELS),
                Progress.SILENT).run();
        assertEquals(4, cellCount(cells));
        assertEquals(TinyRuns.withoutTiming(reference.results()), TinyRuns.withoutTiming(resumed.results()));
        assertEquals(Files.readString(reference.directory().resolve("ranking.csv")),
                Files.readString(resumed.directory().resolve("ranking.csv")));
    }

    @Test
    void aCellIsRunAgainWhenItsConfigurationChanges() throws Exception {
        Path dir = tmp.resolve("run");
        new BenchmarkRunner(TinyRuns.config(dir, "[0]", MODELS), Progress.SILENT).run();
        assertEquals(2, cellCount(dir.resolve("cells")));
        List<String> more = TinyRuns.overrides(dir, "[0]", MODELS);
        more.add("training.steps=101");
        new BenchmarkRunner(io.github.sibench.benchmark.config.ConfigLoader.load("quick", null, more),
                Progress.SILENT).run();
        assertEquals(4, cellCount(dir.resolve("cells")), "new keys for the changed training");
        assertEquals("101", TinyRuns.rows(dir.resolve("results.csv")).get(0).get("train_steps"));
    }

    private static int cellCount(Path cells) throws Exception {
        if (!Files.isDirectory(cells)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(cells)) {
            return (int) s.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
