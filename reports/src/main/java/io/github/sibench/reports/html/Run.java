package io.github.sibench.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sibench.reports.CsvFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one run directory, read on demand: results.csv (always there), and the optional CSV and
 * JSON files beside it. Every name in messages is relative to the run directory.
 *
 * @param dir the run directory
 * @param results results.csv
 */
record Run(Path dir, CsvFile results) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Run load(Path dir) {
        return new Run(dir, CsvFile.read(dir.resolve("results.csv"), "results.csv"));
    }

    Optional<CsvFile> csv(String relative) {
        return CsvFile.readIfPresent(dir, relative);
    }

    /** A JSON file of the run; empty when absent, a one-line error naming it when it does not parse. */
    Optional<JsonNode> json(String relative) {
        Path path = dir.resolve(relative);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(path.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException("report: cannot read " + relative + " as JSON: "
                    + CsvFile.oneLine(e.getMessage()).replaceAll(" at \\[Source.*", ""));
        }
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The results rows whose status is ok (all rows when there is no status column). */
    java.util.List<Map<String, String>> okRows() {
        String status = results.column("status");
        return results.rows().stream()
                .filter(r -> status == null || "ok".equalsIgnoreCase(r.get(status).trim()))
                .toList();
    }

    /** The run's name: its directory's name. */
    String name() {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    }
}
