package io.github.sibench.benchmark;

import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.RunConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Tiny run configurations (seconds, not minutes) and a reader for the CSV files a run writes. */
final class TinyRuns {

    private TinyRuns() {}

    /**
     * The overrides that shrink the quick profile: seed toy in dimension 8, 1,000 training points, a
     * one-block MLP of width 32, 100 steps of batch 128, 500 generated points.
     */
    static List<String> overrides(Path output, String seeds, String models) {
        return new ArrayList<>(List.of(
                "output=" + output,
                "seeds=" + seeds,
                "dataset.name=seed-toy",
                "dataset.ambientDim=8",
                "dataset.nTrain=1000",
                "backbone.hidden=32",
                "backbone.blocks=1",
                "backbone.timeFeatures=8",
                "training.steps=100",
                "training.batchSize=128",
                "training.warmupSteps=10",
                "training.emaDecay=0.9",
                "evaluation.nSamples=500",
                "evaluation.slicedDirections=32",
                "evaluation.writeSamples=true",
                "settings=[\"unsup\"]",
                "models=" + models));
    }

    /** The command that runs {@code sibench} (Main) with {@code args} in another JVM on the test class path. */
    static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }

    /** Starts {@link #command} with its output to {@code log}. */
    static Process launch(Path log, List<String> args) throws IOException {
        return new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** {@code --set} before each override. */
    static List<String> setArgs(List<String> overrides) {
        List<String> args = new ArrayList<>();
        for (String o : overrides) {
            args.add("--set");
            args.add(o);
        }
        return args;
    }

    /** The rows of a results file without its timing columns. */
    static List<Map<String, String>> withoutTiming(Path results) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : rows(results)) {
            Map<String, String> m = new java.util.LinkedHashMap<>(r);
            for (String timing : List.of("train_seconds", "steps_per_second", "sample_seconds")) {
                m.remove(timing);
            }
            out.add(m);
        }
        return out;
    }

    static RunConfig config(Path output, String seeds, String models) {
        return ConfigLoader.load("quick", null, overrides(output, seeds, models));
    }

    /** The header of a CSV file. */
    static List<String> header(Path csv) {
        try {
            return List.of(Files.readAllLines(csv).get(0).split(",", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a CSV file with a header, as maps from column to cell. */
    static List<Map<String, String>> rows(Path csv) {
        try (Reader r = Files.newBufferedReader(csv)) {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(rec.toMap());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
