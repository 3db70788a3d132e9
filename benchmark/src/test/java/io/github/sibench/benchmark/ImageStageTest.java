package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.images.FeatureClassifier;
import io.github.sibench.benchmark.images.ImageMetrics;
import io.github.sibench.benchmark.ranking.RankingCsv;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.reports.images.CifarRecords;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image stage end to end on a tiny image folder: three colour classes of 8x8 images, two toy models
 * over two seeds, both sent on to images; checks the rows, the rankings, the verdict and that the image
 * metrics can be recomputed from the written CIFAR-layout files alone.
 */
class ImageStageTest {

    static final String MODELS = "[{\"name\":\"flow-matching\",\"samplers\":[{\"name\":\"heun\",\"steps\":4}]},"
            + "{\"name\":\"diffusion-edm\",\"samplers\":[{\"name\":\"edm-heun\",\"steps\":4}]}]";

    /** Writes {@code <split>/<class>/<i>.png}: class k is a flat colour (red, green, blue) plus noise. */
    static void writeFolder(Path root, int perClass) throws Exception {
        Random r = new Random(7);
        String[] classes = {"red", "green", "blue"};
        for (String split : List.of("train", "test")) {
            for (int k = 0; k < 3; k++) {
                Path dir = Files.createDirectories(root.resolve(split).resolve(classes[k]));
                for (int i = 0; i < perClass; i++) {
                    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            int[] c = new int[3];
                            for (int ch = 0; ch < 3; ch++) {
                                c[ch] = Math.max(0, Math.min(255, (ch == k ? 200 : 40) + (int) (r.nextGaussian() * 20)));
                            }
                            img.setRGB(x, y, (c[0] << 16) | (c[1] << 8) | c[2]);
                        }
                    }
                    ImageIO.write(img, "png", dir.resolve(String.format("%03d.png", i)).toFile());
                }
            }
        }
    }

    static RunConfig config(Path out, Path data, Path cache, String... extra) {
        List<String> o = TinyRuns.overrides(out, "[0,1]", MODELS);
        o.addAll(List.of(
                "images.dataset.format=folder",
                "images.dataset.path=" + data,
                "images.dataset.downsample2x=false",
                "images.backbone.type=mlp",
                "images.backbone.hidden=32",
                "images.backbone.blocks=1",
                "images.training.steps=30",
                "images.training.batchSize=32",
                "images.training.warmupSteps=3",
                "images.seeds=[0,1]",
                "images.top=2",
                "images.nSamples=60",
                "images.gridImages=16",
                "images.classifier.widths=[16,16]",
                "images.classifier.featureDim=16",
                "images.classifier.steps=40",
                "images.classifier.batchSize=32",
                "images.classifierCache=" + cache));
        o.addAll(List.of(extra));
        return ConfigLoader.load("stress", null, o);
    }

    @Test
    void missingImageDataIsRefusedWhenTheConfigLoads(@TempDir Path tmp) {
        List<String> o = TinyRuns.overrides(tmp.resolve("out"), "[0,1]", MODELS);
        o.addAll(List.of("images.top=2", "images.dataset.path=" + tmp.resolve("nowhere.tar.gz")));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load("stress", null, o));
        assertTrue(e.getMessage().startsWith("images.dataset.path: no file or folder at "), e.getMessage());

        List<String> offline = TinyRuns.overrides(tmp.resolve("out"), "[0,1]", MODELS);
        offline.addAll(List.of("images.top=2", "images.dataset.searchPaths=[]", "images.dataset.cache=" + tmp.resolve("empty-cache"),
                "images.dataset.download=false"));
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load("stress", null, offline));
        assertTrue(e.getMessage().contains("download is off"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void runsTheToyThenImagesAndComparesTheRankings(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        writeFolder(data, 20);
        Path out = tmp.resolve("out");
        RunConfig config = config(out, data, tmp.resolve("cache"));
        BenchmarkRunner.Outcome outcome = new BenchmarkRunner(config, Progress.SILENT).run();
        assertNull(outcome.stageError());
        assertEquals(0, outcome.failed());

        List<Map<String, String>> rows = TinyRuns.rows(out.resolve("results.csv"));
        Set<String> datasets = rows.stream().map(r -> r.get("dataset")).collect(Collectors.toSet());
        assertEquals(Set.of("seed-toy", "folder"), datasets);
        List<Map<String, String>> image = rows.stream().filter(r -> r.get("dataset").equals("folder")).toList();
        assertEquals(4, image.size()); // 2 models x 2 seeds, primary sampler only
        for (Map<String, String> r : image) {
            assertEquals("ok", r.get("status"), r.toString());
            assertEquals("192", r.get("ambient_dim"));
            assertEquals("60", r.get("n_train"));
            double fd = Double.parseDouble(r.get("classifier_fd"));
            double floor = Double.parseDouble(r.get("classifier_fd_real"));
            assertTrue(fd >= 0 && floor >= 0, r.toString());
            assertTrue(r.get("kid").length() > 0 && r.get("fid_y").isEmpty(), r.toString());
        }

        List<String> ranking = Files.readAllLines(out.resolve("ranking.csv"));
        assertEquals(String.join(",", RankingCsv.RANKING_COLUMNS), ranking.get(0));
        assertEquals(5, ranking.size()); // 2 models on the toy, 2 on images
        assertTrue(ranking.stream().anyMatch(l -> l.startsWith("folder,unsup,classifier_fd,lower,")));
        List<Map<String, String>> consistency = TinyRuns.rows(out.resolve("consistency.csv"));
        assertEquals(1, consistency.size());
        assertTrue(Set.of("consistent", "inconsistent", "inconclusive").contains(consistency.get(0).get("verdict")));

        for (String f : List.of("dataset.json", "classifier.json", "grids/real.png", "images/classes.txt")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }

        // every image metric of a row is recomputed from its CIFAR-layout file alone
        Map<String, String> row = image.get(0);
        String stem = row.get("model") + "_unsup_" + row.get("sampler_label") + "_seed" + row.get("seed");
        CifarRecords.Records written = CifarRecords.read(out.resolve("images").resolve(stem + ".bin"), 3, 8, 8, false);
        assertEquals(60, written.n());
        assertTrue(Files.exists(out.resolve("grids").resolve(stem + ".png")));
        ImageData images = ImageData.load(config.images().dataset());
        try (FeatureClassifier classifier = FeatureClassifier.trainOrLoad(images.train(), images.test(),
                config.images().classifier(), tmp.resolve("cache"), "cpu", null)) {
            assertTrue(classifier.fromCache());
            Map<String, Object> again = new ImageMetrics(classifier, images.test()).measure(written.pixels(), 60, null,
                    SeedTree.root(Long.parseLong(row.get("seed"))).child("image-metrics"));
            assertEquals(Double.parseDouble(row.get("classifier_fd")), ((Number) again.get("classifier_fd")).doubleValue(),
                    1e-9 * (1 + Double.parseDouble(row.get("classifier_fd"))));
            assertEquals(Double.parseDouble(row.get("kid")), ((Number) again.get("kid")).doubleValue(), 1e-9);
        }
    }
}
