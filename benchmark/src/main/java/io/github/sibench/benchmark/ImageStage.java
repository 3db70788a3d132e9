package io.github.sibench.benchmark;

import io.github.sibench.benchmark.config.ConfigLoader;
import io.github.sibench.benchmark.config.ImageStageConfig;
import io.github.sibench.benchmark.config.RunConfig;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.benchmark.images.FeatureClassifier;
import io.github.sibench.benchmark.images.ImageMetrics;
import io.github.sibench.benchmark.images.InceptionMetric;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.datasets.images.ImageSet;
import io.github.sibench.models.train.TrainingSet;
import io.github.sibench.reports.AtomicFiles;
import io.github.sibench.reports.images.CifarRecords;
import io.github.sibench.reports.images.ImageGrid;
import io.github.sibench.reports.images.Pixels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image side of a run (SPEC section 6): the configured image dataset ({@link ImageData}), the feature
 * classifier trained once on its training split and cached ({@link FeatureClassifier}), and the image
 * metrics against the test split ({@link ImageMetrics}).
 *
 * <p>Every generated batch is quantized to bytes first ({@link Pixels#quantize}), and the metrics are taken
 * on the quantized images, so that they can be recomputed exactly from the files written:
 * {@code images/<stem>.bin} in CIFAR-10's binary record layout (1 label byte, then the pixel bytes; the
 * label is the requested class, or for unconditional samples the class the feature classifier assigns;
 * class names in {@code images/classes.txt}; 16x16 images are written 2x nearest-neighbour upsampled to
 * CIFAR's 32x32, which 2x2 average pooling undoes exactly), and a PNG grid {@code grids/<stem>.png} (plus
 * one row per class, {@code grids/<stem>_classes.png}, for labelled settings). {@code grids/real.png} shows
 * the first training images the same way. Beside every row's scores stand the real-vs-real baselines: the
 * same metrics between {@code nSamples} training images (drawn from the row seed's node
 * {@code "real-baseline"}) and the test split, the floor a perfect model reaches.
 *
 * <p>With {@code images.inception} set, the columns of {@link InceptionMetric} follow ({@link #columns(ImageStageConfig)}).
 *
 * <p>Also written: {@code dataset.json} (source, check made, sizes) and {@code classifier.json} (cache key,
 * test accuracy, training time, whether it came from the cache).
 */
final class ImageStage implements StageData, AutoCloseable {

    /** The metric the image ranking uses. */
    static final String PRIMARY_METRIC = "classifier_fd";

    /** Columns of image rows, after the base columns. */
    static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(ImageMetrics.columns());
        c.add("classifier_accuracy");
        COLUMNS = List.copyOf(c);
    }

    private final RunConfig config;
    private final ImageStageConfig images;
    private final ImageData data;
    private final FeatureClassifier classifier;
    private final ImageMetrics metrics;
    private final Path dir;
    private final Map<Long, Map<String, Object>> baselines = new HashMap<>();
    /** Inception FID, or null when {@code images.inception} is not set. */
    private InceptionMetric inception;

    private ImageStage(RunConfig config, ImageData data, FeatureClassifier classifier, Path dir) {
        this.config = config;
        this.images = config.images();
        this.data = data;
        this.classifier = classifier;
        this.metrics = new ImageMetrics(classifier, data.test());
        this.dir = dir;
    }

    /** Loads the data, trains or loads the classifier and writes {@code dataset.json} and {@code classifier.json}. */
    static ImageStage prepare(RunConfig config, Path dir, Progress progress) {
        ImageStageConfig images = config.images();
        progress.message("loading " + images.dataset().format().id() + " images");
        long start = System.nanoTime();
        ImageData data = ImageData.load(images.dataset());
        ImageSet train = data.train();
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("name", data.name());
        described.put("source", data.source());
        described.put("check", data.check());
        described.put("shape", data.shape());
        described.put("n_train", train.n());
        described.put("n_test", data.test().n());
        described.put("classes", train.classNames().size());
        // what a CPU budget may have cut, so a reader sees it beside the numbers
        described.put("downsampled_2x", images.dataset().downsample2x());
        described.put("per_class_limit", images.dataset().perClassLimit());
        described.put("class_subset", images.dataset().classes());
        described.put("class_names", train.classNames());
        described.put("load_seconds", (System.nanoTime() - start) / 1e9);
        AtomicFiles.writeString(dir.resolve("dataset.json"), ConfigLoader.toJson(described));
        progress.message(String.format(java.util.Locale.ROOT, "%s: %d train and %d test images of shape %s from %s (%s)",
                data.name(), train.n(), data.test().n(), data.shape(), data.source(), data.check()));
        FeatureClassifier classifier;
        int steps = images.classifier().steps();
        try (Progress.Task bar = progress.training("feature classifier on " + data.name(), steps)) {
            classifier = FeatureClassifier.trainOrLoad(train, data.test(), images.classifier(),
                    images.classifierCacheDir(), config.device(), step -> bar.onStep(step, steps, Double.NaN, Double.NaN));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("key", classifier.key());
        c.put("test_accuracy", classifier.testAccuracy());
        c.put("from_cache", classifier.fromCache());
        c.put("train_seconds", classifier.trainSeconds());
        c.put("cache", images.classifierCacheDir().toString());
        c.put("config", images.classifier());
        AtomicFiles.writeString(dir.resolve("classifier.json"), ConfigLoader.toJson(c));
        progress.message(String.format(java.util.Locale.ROOT, "feature classifier: test accuracy %.3f (%s)",
                classifier.testAccuracy(), classifier.fromCache() ? "from cache" : "trained in "
                        + Math.round(classifier.trainSeconds()) + " s"));
        ImageStage stage = new ImageStage(config, data, classifier, dir);
        try {
            stage.inception = InceptionMetric.open(images.inception(), train, data.test(), images.nSamples(),
                    config.device(), progress::message);
        } catch (RuntimeException e) {
            stage.close();
            throw e;
        }
        if (images.gridImages() > 0) {
            int n = Math.min(images.gridImages(), train.n());
            grid(dir.resolve("grids").resolve("real.png"), train.pixels(), n, train);
        }
        AtomicFiles.writeString(dir.resolve("images").resolve("classes.txt"),
                String.join("\n", train.classNames()) + "\n");
        return stage;
    }

    @Override
    public String name() {
        return data.name();
    }

    @Override
    public List<Integer> shape() {
        return data.shape();
    }

    @Override
    public int nTrain() {
        return data.train().n();
    }

    @Override
    public List<String> columns() {
        return columns(images);
    }

    /** The columns of image rows under {@code images}: {@link #COLUMNS}, then Inception's when configured. */
    static List<String> columns(ImageStageConfig images) {
        List<String> c = new ArrayList<>(COLUMNS);
        c.addAll(InceptionMetric.columns(images.inception()));
        return List.copyOf(c);
    }

    @Override
    public TrainingSet training(Setting setting, SeedTree seeds) {
        return data.training(setting, config.guidance().labelledFraction(), seeds);
    }

    @Override
    public int[] drawClasses(int n, SeedTree seeds) {
        return data.drawClasses(n, seeds);
    }

    @Override
    public Map<String, Object> measure(Samples samples, int[] requested, long seed, String stem) {
        ImageSet like = data.train();
        int n = Math.toIntExact(samples.x().getShape().get(0));
        byte[] quantized = Pixels.quantize(samples.x().toFloatArray());
        float[] pixels = Pixels.dequantize(quantized);
        SeedTree node = SeedTree.root(seed);
        Map<String, Object> row = new LinkedHashMap<>(metrics.measure(pixels, n, requested, node.child("image-metrics")));
        row.putAll(baselines.computeIfAbsent(seed,
                s -> metrics.realBaseline(like, images.nSamples(), node.child("real-baseline"))));
        row.put("classifier_accuracy", classifier.testAccuracy());
        if (inception != null) {
            row.putAll(inception.measure(pixels, n, node.child("real-baseline")));
        }
        if (images.gridImages() > 0) {
            grid(dir.resolve("grids").resolve(stem + ".png"), pixels, Math.min(images.gridImages(), n), like);
            if (requested != null) {
                ImageGrid.writeClassGrid(dir.resolve("grids").resolve(stem + "_classes.png"), pixels, requested, n,
                        like.channels(), like.height(), like.width(), 8, 10, scale(like), 1);
            }
        }
        if (images.writeImages()) {
            int[] labels = requested != null ? requested : classifier.predict(pixels, n);
            boolean upsample = like.height() * 2 == 32 && like.width() * 2 == 32;
            CifarRecords.write(dir.resolve("images").resolve(stem + ".bin"), quantized, labels, n, like.channels(),
                    like.height(), like.width(), upsample);
        }
        return row;
    }

    private static void grid(Path target, float[] pixels, int n, ImageSet like) {
        int columns = (int) Math.ceil(Math.sqrt(n));
        float[] first = java.util.Arrays.copyOf(pixels, n * like.imageSize());
        ImageGrid.writePng(target, first, n, like.channels(), like.height(), like.width(), columns, scale(like), 1);
    }

    /** Grid tiles at least 32 pixels wide. */
    private static int scale(ImageSet like) {
        return Math.max(1, 32 / like.width());
    }

    @Override
    public void close() {
        classifier.close();
        if (inception != null) {
            inception.close();
        }
    }
}
