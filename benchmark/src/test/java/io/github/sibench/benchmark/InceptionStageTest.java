package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.images.TorchScriptArchives;
import io.github.sibench.core.stats.FeatureGaussian;
import io.github.sibench.datasets.images.ImageSet;
import io.github.sibench.reports.images.CifarRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image stage with {@code images.inception} set to a hand-written TorchScript module whose features are
 * per-channel means of the 8-bit images ({@link TorchScriptArchives#channelMeans}): the columns appear only
 * then, and {@code inception_fid} is recomputed exactly from the images written.
 */
class InceptionStageTest {

    @Test
    void inceptionColumnsAreFilledOnlyWhenConfigured(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        ImageStageTest.writeFolder(data, 20);
        Path module = TorchScriptArchives.channelMeans(Files.createDirectories(tmp.resolve("inception")));
        RunConfig without = ImageStageTest.config(tmp.resolve("out0"), data, tmp.resolve("cache"));
        assertFalse(ImageStage.columns(without.images()).contains("inception_fid"));

        Path out = tmp.resolve("out");
        RunConfig config = ImageStageTest.config(out, data, tmp.resolve("cache"), "images.inception=" + module);
        List<String> columns = ImageStage.columns(config.images());
        assertEquals(List.of("inception_fid", "inception_fid_real"), columns.subList(columns.size() - 2, columns.size()));
        BenchmarkRunner.Outcome outcome = new BenchmarkRunner(config, Progress.SILENT).run();
        assertNull(outcome.stageError());
        assertEquals(0, outcome.failed());

        assertTrue(TinyRuns.header(out.resolve("results.csv")).containsAll(columns));
        List<Map<String, String>> rows = TinyRuns.rows(out.resolve("results.csv"));
        List<Map<String, String>> image = rows.stream().filter(r -> r.get("dataset").equals("folder")).toList();
        assertEquals(4, image.size());
        ImageSet test = ImageData.load(config.images().dataset()).test();
        double[][] reference = channelMeans(test.pixels(), test.n(), 3, 64);
        for (Map<String, String> r : image) {
            double fid = Double.parseDouble(r.get("inception_fid"));
            double floor = Double.parseDouble(r.get("inception_fid_real"));
            assertTrue(fid >= 0 && floor >= 0, r.toString());
            String stem = r.get("model") + "_unsup_" + r.get("sampler_label") + "_seed" + r.get("seed");
            CifarRecords.Records written = CifarRecords.read(out.resolve("images").resolve(stem + ".bin"), 3, 8, 8,
                    false);
            double expected = FeatureGaussian.frechet(channelMeans(written.pixels(), written.n(), 3, 64), reference);
            assertEquals(expected, fid, 1e-6 * (1 + expected), stem);
            // one real baseline per seed, shared by the models
            image.stream().filter(o -> o.get("seed").equals(r.get("seed")))
                    .forEach(o -> assertEquals(r.get("inception_fid_real"), o.get("inception_fid_real")));
        }
        assertTrue(rows.stream().filter(r -> r.get("dataset").equals("seed-toy"))
                .allMatch(r -> r.get("inception_fid").isEmpty()));
        assertTrue(Files.readString(out.resolve("summary.csv")).contains(",inception_fid,"));
    }

    /** Per-channel means of the 8-bit values {@code round((v + 1) * 127.5)} of n images. */
    private static double[][] channelMeans(float[] pixels, int n, int channels, int plane) {
        double[][] f = new double[n][channels];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                double s = 0;
                for (int k = 0; k < plane; k++) {
                    s += Math.round((pixels[(i * channels + c) * plane + k] + 1.0) * 127.5);
                }
                f[i][c] = s / plane;
            }
        }
        return f;
    }
}
