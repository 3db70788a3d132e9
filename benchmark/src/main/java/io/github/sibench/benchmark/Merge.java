package io.github.sibench.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.reports.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code sibench merge OUT SHARD_DIR...}: combines the shards of one run ({@link Shard}) and finishes it.
 * Every shard must have been run with the same configuration (its {@code config.json} apart from
 * {@code output}) and the same shard count, and together they must cover every index. Their finished
 * cells ({@code cells/}) and files ({@code samples/}, {@code losses/}, {@code toy/}) are copied into OUT,
 * then the run is run there: every toy cell is found finished and skipped ({@link Cells}), so what is left
 * is the ranking, the image stage when configured, the summaries and the report; {@code results.csv} is the
 * one a single process would write (timing columns aside).
 */
final class Merge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COPIED = List.of("cells", "samples", "losses", "toy");

    private Merge() {}

    /** The configuration of the merged run, after checking the shards; one-line errors. */
    static RunConfig check(Path out, List<Path> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("merge: give the shards' output folders");
        }
        JsonNode first = null;
        Integer count = null;
        TreeSet<Integer> seen = new TreeSet<>();
        for (Path dir : shards) {
            JsonNode config = read(dir.resolve("config.json"), dir);
            JsonNode shard = read(dir.resolve("shard.json"), dir);
            ((ObjectNode) config).remove("output");
            if (first == null) {
                first = config;
            } else if (!first.equals(config)) {
                throw new IllegalArgumentException("merge: " + dir + " was run with another configuration than "
                        + shards.get(0) + "; merge only shards of one run");
            }
            int n = shard.path("count").asInt(-1);
            int i = shard.path("index").asInt(-1);
            if (count != null && n != count) {
                throw new IllegalArgumentException("merge: " + dir + " is a shard of " + n + ", " + shards.get(0)
                        + " of " + count);
            }
            count = n;
            if (!seen.add(i)) {
                throw new IllegalArgumentException("merge: shard " + i + " is given twice (" + dir + ")");
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!seen.contains(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("merge: shards " + missing + " of " + count + " are missing");
        }
        Path configFile = out.resolve("config.json");
        ((ObjectNode) first).put("output", out.toString());
        AtomicFiles.writeString(configFile, first.toString());
        return ConfigLoader.load(null, configFile, List.of());
    }

    /** Copies the shards' cells and files into {@code out} (files already there are kept). */
    static void copy(Path out, List<Path> shards) {
        for (Path dir : shards) {
            for (String sub : COPIED) {
                Path from = dir.resolve(sub);
                if (!Files.isDirectory(from)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Path to = out.resolve(sub).resolve(from.relativize(f).toString());
                        if (!Files.exists(to)) {
                            Files.createDirectories(to.getParent());
                            Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("merge: cannot copy " + from + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static JsonNode read(Path file, Path dir) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("merge: " + dir + " has no " + file.getFileName()
                    + "; give the output folders of runs made with --shard");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("merge: cannot read " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
