package io.github.sibench.reports.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report of a real run (the stress run kept beside the repository), when that directory is
 * there; skips otherwise. The run is copied first (without the image records, which the report does not
 * read), since the original is read-only; the report is copied to {@code target/real-run-report.html}.
 */
class RealRunReportTest {

    private static final Path REAL = Paths.get(System.getProperty("sibench.realRun",
            "/work/stressrun/runs/stress-08e95f0"));

    @Test
    void rendersTheRealStressRun(@TempDir Path tmp) throws IOException {
        assumeTrue(Files.isRegularFile(REAL.resolve("results.csv")), "no real run at " + REAL);
        Path run = tmp.resolve(REAL.getFileName().toString());
        try (Stream<Path> files = Files.walk(REAL)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = REAL.relativize(p);
                if (rel.startsWith("images") || rel.toString().equals("report.html")) {
                    continue;
                }
                Path to = run.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path report = HtmlReport.write(run);
        String html = Files.readString(report);
        for (String id : new String[] {"config", "toy-plane", "metrics", "ranking", "verdict", "images",
                "figure4"}) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        // this run varies no steps, training size or guidance weight, and has no agreement.csv
        assertFalse(html.contains("<section id=\"ablations\">"));
        assertFalse(html.contains("<section id=\"agreement\">"));
        Path out = Paths.get("target", "real-run-report.html");
        Files.createDirectories(out.getParent());
        Files.copy(report, out, StandardCopyOption.REPLACE_EXISTING);
    }
}
