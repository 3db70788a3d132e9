package io.github.sibench.benchmark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.reports.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finished cells of a run, so that re-running the same command after an interruption skips them: a cell is
 * one training of a stage, one model x setting x seed (all its rows: its samplers and the sampling-time grid
 * points) or one training-set-size grid point of it, stored when all its rows are ok as
 * {@code cells/<label>[_<grid>-<value>]_<setting>_seed<k>_<key>.json}, the rows as JSON, written atomically.
 * The key is the first 20 hex digits of the SHA-256 of the cell's resolved configuration (everything that can
 * change its rows: the stage's data and measurement settings, backbone, training, number of samples, the
 * model entry, the samplers, guidance weights and grid points it samples, setting, seed, guidance and
 * device), so a cell whose configuration changed is run again. Rows read back are the rows written: JSON keeps
 * every double exactly.
 */
final class Cells {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    Cells(Path runDir) {
        this.dir = runDir.resolve("cells");
    }

    /** The file of the cell described by {@code description} (a map of its resolved configuration). */
    Path file(String label, String setting, long seed, Map<String, Object> description) {
        return dir.resolve(label + "_" + setting + "_seed" + seed + "_" + key(description) + ".json");
    }

    static String key(Map<String, Object> description) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(ConfigLoader.toJson(description).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The rows of a finished cell, or null when it has not finished (or its file cannot be read: run it again). */
    List<Map<String, Object>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<LinkedHashMap<String, Object>>>() {})
                    .stream().map(r -> (Map<String, Object>) r).toList();
        } catch (IOException e) {
            return null;
        }
    }

    /** Stores the rows of a finished cell. */
    void write(Path file, List<Map<String, Object>> rows) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(rows));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
