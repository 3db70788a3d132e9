package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightlyCheckTest {

    @TempDir
    Path dir;

    private void run(String status) throws Exception {
        Files.writeString(dir.resolve("results.csv"), "status,reason,model,setting,sampler_label,seed,dataset\n"
                + "ok,,si,unsup,heun-25,0,seed-toy\n"
                + status + ",\"loss is NaN, at step 3\",edm,unsup,edm-heun-18,1,cifar-100\n");
        Files.writeString(dir.resolve("ranking.csv"), "dataset,setting,metric,rank,model,mean\n"
                + "seed-toy,unsup,fid_y,1,si,0.01\n"
                + "seed-toy,unsup,fid_y,2,edm,0.05\n"
                + "cifar-100,unsup,classifier_fd,1,edm,70\n");
        Files.writeString(dir.resolve("consistency.csv"), "setting,toy_ranking,verdict,reason\n"
                + "unsup,\"si:1:0.01[0.005,0.02];edm:2:0.05[0.04,0.06]\",inconclusive,\"toy ties, p=0.4\"\n");
    }

    @Test
    void aGoodRunPasses() throws Exception {
        run("ok");
        NightlyCheck.Expectations e = new NightlyCheck.Expectations(List.of("results.csv", "ranking.csv"),
                Map.of("si", 0.02, "edm", 0.05), Map.of("unsup", "inconclusive"));
        assertEquals(List.of(), NightlyCheck.problems(dir, e));
    }

    @Test
    void everyProblemIsOneLine() throws Exception {
        run("failed");
        NightlyCheck.Expectations e = new NightlyCheck.Expectations(List.of("results.csv", "report.html"),
                Map.of("si", 0.005, "vp", 1.0), Map.of("unsup", "consistent", "cfg", "consistent"));
        List<String> problems = NightlyCheck.problems(dir, e);
        assertTrue(problems.contains("missing or empty output: report.html"), problems.toString());
        assertTrue(problems.contains("failed row: edm unsup edm-heun-18 seed 1 on cifar-100: loss is NaN, at step 3"),
                problems.toString());
        assertTrue(problems.contains("FID-Y regressed: si (unsup) mean 0.01000 > threshold 0.005000"), problems.toString());
        assertTrue(problems.contains("no toy FID-Y ranking entry for vp"), problems.toString());
        assertTrue(problems.contains("verdict changed in unsup: expected consistent, got inconclusive (toy ties, p=0.4)"),
                problems.toString());
        assertTrue(problems.contains("no toy-to-images verdict for setting cfg"), problems.toString());
        assertEquals(6, problems.size(), problems.toString());
    }

    @Test
    void expectationsAreReadFromJsonAndValidated() throws Exception {
        Path f = dir.resolve("expect.json");
        Files.writeString(f, "{\"outputs\": [\"results.csv\"], \"maxFidY\": {\"si\": 0.02}, \"verdicts\": {\"unsup\": \"x\"}}");
        NightlyCheck.Expectations e = NightlyCheck.Expectations.read(f);
        assertEquals(Map.of("si", 0.02), e.maxFidY());
        Files.writeString(f, "{\"maxFidY\": {\"si\": -1}}");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> NightlyCheck.Expectations.read(f));
        assertTrue(bad.getMessage().contains("maxFidY of si must be > 0"), bad.getMessage());
        Files.writeString(f, "{\"outputz\": []}");
        assertThrows(IllegalArgumentException.class, () -> NightlyCheck.Expectations.read(f));
        // the repository's own file reads
        NightlyCheck.Expectations nightly = NightlyCheck.Expectations.read(Path.of("..", ".ci", "nightly-expectations.json"));
        assertTrue(nightly.outputs().contains("report.html") && nightly.verdicts().containsKey("unsup"));
    }
}
