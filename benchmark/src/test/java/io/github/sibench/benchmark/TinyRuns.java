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
