package io.github.sibench.benchmark;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sibench.reports.CsvFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The nightly stress job's verdict on a finished run ({@code sibench check DIR --expect FILE}): the run
 * passes when every expected output file exists and is not empty, no row of {@code results.csv} failed,
 * each listed model's mean toy FID-Y in {@code ranking.csv} is at most its threshold (a regression
 * guard: thresholds are kept in the repository, set from a measured run with a margin for seed noise),
 * and the toy-to-images verdict of each listed setting in {@code consistency.csv} is the expected one.
 */
public final class NightlyCheck {

    /**
     * What a good run looks like.
     *
     * @param outputs files (relative to the run folder) that must exist and not be empty
     * @param maxFidY per model label, the largest acceptable mean FID-Y of the toy ranking
     * @param verdicts per setting, the expected verdict of {@code consistency.csv}
     *     (a field {@code _comment} is allowed for notes; any other unknown field is an error)
     */
    @JsonIgnoreProperties({"_comment"})
    public record Expectations(List<String> outputs, Map<String, Double> maxFidY, Map<String, String> verdicts) {

        public Expectations {
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
            maxFidY = maxFidY == null ? Map.of() : Map.copyOf(maxFidY);
            verdicts = verdicts == null ? Map.of() : Map.copyOf(verdicts);
            maxFidY.forEach((model, max) -> {
                if (max == null || !(max > 0)) {
                    throw new IllegalArgumentException("expectations: maxFidY of " + model + " must be > 0, got " + max);
                }
            });
        }

        /** Reads expectations from a JSON file; one-line errors. */
        public static Expectations read(Path file) {
            try {
                return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .readValue(file.toFile(), Expectations.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("expectations: cannot read " + file + ": "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    private NightlyCheck() {}

    /** Everything wrong with the run in {@code dir}, one line each; empty when it passes. */
    public static List<String> problems(Path dir, Expectations expected) {
        List<String> out = new ArrayList<>();
        for (String name : expected.outputs()) {
            Path f = dir.resolve(name);
            try {
                if (!Files.isRegularFile(f) || Files.size(f) == 0) {
                    out.add("missing or empty output: " + name);
                }
            } catch (IOException e) {
                out.add("cannot read output " + name + ": " + e.getMessage());
            }
        }
        try {
            for (Map<String, String> row : read(dir, "results.csv")) {
                if (!"ok".equals(row.get("status"))) {
                    out.add("failed row: " + row.get("model") + " " + row.get("setting") + " " + row.get("sampler_label")
                            + " seed " + row.get("seed") + " on " + row.get("dataset") + ": " + row.get("reason"));
                }
            }
            if (!expected.maxFidY().isEmpty()) {
                checkFidY(read(dir, "ranking.csv"), expected.maxFidY(), out);
            }
            if (!expected.verdicts().isEmpty()) {
                checkVerdicts(read(dir, "consistency.csv"), expected.verdicts(), out);
            }
        } catch (IllegalArgumentException e) {
            out.add(e.getMessage());
        }
        return out;
    }

    private static List<Map<String, String>> read(Path dir, String name) {
        return CsvFile.read(dir.resolve(name), name).rows();
    }

    private static void checkFidY(List<Map<String, String>> ranking, Map<String, Double> maxFidY, List<String> out) {
        maxFidY.forEach((model, max) -> {
            List<Map<String, String>> rows = ranking.stream()
                    .filter(r -> "fid_y".equals(r.get("metric")) && model.equals(r.get("model"))).toList();
            if (rows.isEmpty()) {
                out.add("no toy FID-Y ranking entry for " + model);
            }
            for (Map<String, String> r : rows) {
                double mean = Double.parseDouble(r.get("mean"));
                if (!(mean <= max)) {
                    out.add(String.format(java.util.Locale.ROOT, "FID-Y regressed: %s (%s) mean %.4g > threshold %.4g",
                            model, r.get("setting"), mean, max));
                }
            }
        });
    }

    private static void checkVerdicts(List<Map<String, String>> consistency, Map<String, String> verdicts,
            List<String> out) {
        verdicts.forEach((setting, verdict) -> {
            Map<String, String> row = consistency.stream().filter(r -> setting.equals(r.get("setting"))).findFirst()
                    .orElse(null);
            if (row == null) {
                out.add("no toy-to-images verdict for setting " + setting);
            } else if (!verdict.equals(row.get("verdict"))) {
                out.add("verdict changed in " + setting + ": expected " + verdict + ", got " + row.get("verdict")
                        + " (" + row.get("reason") + ")");
            }
        });
    }
}
