package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sibench.benchmark.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line through picocli, with System.out and System.err captured (no System.exit). */
class MainTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listExitsZeroAndNamesEverything() {
        Result r = execute("--list");
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("quick", "paper", "flow-matching", "stochastic-interpolant", "euler", "dopri5", "em",
                "seed-toy", "two-moons")) {
            assertTrue(r.out().contains(s), s + " missing from:\n" + r.out());
        }
    }

    @Test
    void badConfigExitsTwoWithTheMessageOnStderr() {
        Result r = execute("--set", "training.stepz=5");
        assertEquals(2, r.code());
        assertEquals("error: config: unknown field 'training.stepz'", r.err().lines().findFirst().orElse("")
                .replaceAll(";.*", ""));
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void otherConfigErrorsAlsoExitTwo() throws Exception {
        assertEquals(2, execute("--profile", "huge").code());
        assertEquals(2, execute("--config", dir.resolve("missing.json").toString()).code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"seeds\": [0,}");
        Result r = execute("--config", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 1"), r.err());
        // an unknown dataset is a configuration error, found before anything runs or is written
        Path out = dir.resolve("never");
        Result d = execute("--set", "dataset.name=no-such-toy", "--output", out.toString());
        assertEquals(2, d.code(), d.err());
        assertTrue(d.err().contains("dataset.name"), d.err());
        assertTrue(Files.notExists(out));
    }

    /**
     * A sampler the model does not support is a configuration error: exit 2 and one line naming the model
     * and the sampler, within seconds, before anything is trained or written (formerly the row failed after
     * training, and the VAE ignored the sampler's name).
     */
    @Test
    void unsupportedSamplerExitsTwoBeforeTraining() throws Exception {
        Path out = dir.resolve("vae-heun");
        Path config = dir.resolve("vae-heun.json");
        String output = new ObjectMapper().writeValueAsString(out.toString());
        Files.writeString(config, "{\"output\": " + output + ", \"models\": ["
                + "{\"name\": \"vae\", \"label\": \"vae-normal\", \"config\": {\"prior\": \"normal\"},"
                + " \"samplers\": [{\"name\": \"heun\", \"steps\": 25}]}]}");
        long start = System.nanoTime();
        Result r = execute("--config", config.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("error: models[vae-normal].samplers[0]: sampler 'heun' is not supported by model vae; "
                + "valid samplers: [ancestral]"), r.err().lines().toList());
        assertEquals("", r.out());
        assertTrue(Files.notExists(out.resolve("results.csv")) && Files.notExists(out), "nothing written");
        assertTrue(seconds < 10, "refused in " + seconds + " s");
    }

    @Test
    void dryRunPrintsTheResolvedConfig() {
        Result r = execute("--dry-run", "--profile", "paper", "--set", "training.steps=700", "--output", "elsewhere");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"steps\" : 700"), r.out());
        assertTrue(r.out().contains("\"output\" : \"elsewhere\""), r.out());
        assertTrue(r.out().contains("\"profile\" : \"paper\""), r.out());
    }

    @Test
    void failedModelExitsOneAndStillWritesResults() {
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>();
        for (String o : TinyRuns.overrides(out, "[0]",
                "[{\"name\":\"nan-model\",\"samplers\":[{\"name\":\"euler\",\"steps\":2}]}]")) {
            args.add("--set");
            args.add(o);
        }
        Result r = execute(args.toArray(new String[0]));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("1 rows (1 failed)"), r.err());
        assertTrue(r.out().contains(out.resolve("results.csv").toAbsolutePath().toString()), r.out());
        assertEquals("failed", TinyRuns.rows(out.resolve("results.csv")).get(0).get("status"));
        assertEquals(ConfigLoader.PROFILES.get(0), "quick");
    }

    @Test
    void subcommandsRunListReportAndCheck() throws Exception {
        Result list = execute("list");
        assertEquals(0, list.code(), list.err());
        assertEquals(execute("--list").out(), list.out());
        Result dry = execute("run", "--dry-run", "--profile", "paper");
        assertEquals(0, dry.code(), dry.err());
        assertEquals(execute("--dry-run", "--profile", "paper").out(), dry.out());
        Result report = execute("report", dir.toString());
        assertEquals(2, report.code());
        assertTrue(report.err().startsWith("error: report: no results.csv in"), report.err());
        assertEquals(1, report.err().lines().count(), report.err());
        Result noFile = execute("check", dir.toString(), "--expect", dir.resolve("none.json").toString());
        assertEquals(2, noFile.code());
        assertTrue(noFile.err().startsWith("error: expectations: cannot read"), noFile.err());
        Path expect = dir.resolve("expect.json");
        Files.writeString(expect, "{\"outputs\": [\"report.html\"]}");
        Result check = execute("check", dir.toString(), "--expect", expect.toString());
        assertEquals(1, check.code());
        assertTrue(check.err().contains("problem: missing or empty output: report.html"), check.err());
    }
}
