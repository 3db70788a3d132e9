package io.github.sibench.benchmark.images;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.datasets.images.ImageSet;
import io.github.sibench.reports.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * A small CNN ({@link ClassifierNet}) trained by the suite itself on an image training split, whose
 * penultimate-layer features stand in for Inception's in FID and KID when no downloaded weights are at hand
 * ({@link ImageMetrics}). Its test accuracy says how meaningful its feature space is: report it next to
 * every metric computed in it.
 *
 * <p>Training: softmax cross-entropy, AdamW (Loshchilov and Hutter 2019) with the schedule of
 * {@link ClassifierConfig#learningRateAt}, batches drawn as shuffled epochs (each image once per epoch),
 * every image flipped left-right with probability 1/2. Initialisation is seeded by
 * {@code SeedTree.root(config.seed()).child("init")}, batch order and flips by its child {@code "batches"}.
 *
 * <p>Cache: a trained classifier is stored as {@code <key>.params} (DJL parameter file) and {@code <key>.json}
 * (test accuracy, training seconds, config, key, n_train, n_test) in the cache directory, each written
 * atomically, the JSON last. The key is the SHA-256 of the network version, the config, the image shape,
 * the class count and the training pixels (float32 bits, little-endian) and labels, so any change to
 * the training data or the config trains a new classifier. An unreadable cache entry is reported in one
 * line on standard error and retrained.
 *
 * <p>Measured with {@link ClassifierConfig#defaults()} on CIFAR-100 at 16x16 (2x downsampled, 50,000
 * training images, 100 classes; 2 cores, 2 PyTorch threads, {@code OMP_WAIT_POLICY=PASSIVE}): test accuracy
 * 0.397 (accuracy 0.45 on training images; bit-identical in two runs), 4,000 steps in 231 s and, in a
 * slower phase of the same shared machine, 443 s (58 to 111 ms per step of 128 images), with glibc's malloc
 * keeping freed memory ({@code MALLOC_MMAP_THRESHOLD_=4000000000 MALLOC_TRIM_THRESHOLD_=8000000000
 * MALLOC_TOP_PAD_=536870912}); without those variables steps were 2.5 to 3x slower still, as PyTorch's
 * allocations and frees of large tensors page-fault on every step. Features of 10,000 images: 2 to 4 s.
 * At 32x32 a step costs 4.3x as much.
 */
public final class FeatureClassifier implements AutoCloseable {

    /** Version of the network definition and training procedure; part of the cache key. */
    static final String VERSION = "feature-classifier-v1";

    /** Images per forward pass in {@link #features} and {@link #predict}. */
    static final int CHUNK = 500;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final NDManager manager;
    private final ClassifierNet net;
    private final ClassifierConfig config;
    private final int channels;
    private final int height;
    private final int width;
    private final String key;
    private final boolean fromCache;
    private double testAccuracy;
    private double trainSeconds;

    private FeatureClassifier(NDManager manager, ClassifierNet net, ClassifierConfig config, int channels,
            int height, int width, String key, boolean fromCache) {
        this.manager = manager;
        this.net = net;
        this.config = config;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.key = key;
        this.fromCache = fromCache;
    }

    /**
     * Loads the classifier for ({@code train}, {@code config}) from {@code cacheDir}, or trains it on
     * {@code train}, measures its accuracy on {@code test} and stores it there.
     *
     * @param train training split (its classes define the output layer)
     * @param test held-out split of the same image shape and classes, for {@link #testAccuracy()}
     * @param config network and training
     * @param cacheDir directory of cached classifiers (created when missing; when it cannot be written, a
     *     one-line warning goes to standard error and the trained classifier is returned uncached)
     * @param device DJL device name, e.g. {@code cpu} or {@code gpu0}
     * @param stepProgress called with the 1-based step number after every training step; may be null
     */
    public static FeatureClassifier trainOrLoad(ImageSet train, ImageSet test, ClassifierConfig config,
            Path cacheDir, String device, IntConsumer stepProgress) {
        if (train.n() < 2) {
            throw new IllegalArgumentException("classifier: the training split has " + train.n()
                    + " images; it needs at least 2");
        }
        if (test.n() < 1) {
            throw new IllegalArgumentException("classifier: the test split is empty; pass the held-out images");
        }
        if (test.channels() != train.channels() || test.height() != train.height() || test.width() != train.width()
                || !test.classNames().equals(train.classNames())) {
            throw new IllegalArgumentException("classifier: the test split (" + shape(test)
                    + ") must have the training split's image shape and classes (" + shape(train) + ")");
        }
        if (train.classNames().size() < 2) {
            throw new IllegalArgumentException("classifier: the training split has "
                    + train.classNames().size() + " class; a classifier needs at least 2");
        }
        Device dev = Device.fromName(device);
        String key = cacheKey(train, config);
        Path params = cacheDir.resolve(key + ".params");
        Path meta = cacheDir.resolve(key + ".json");
        if (Files.exists(params) && Files.exists(meta)) {
            try {
                return load(train, test, config, dev, key, params, meta);
            } catch (Exception e) {
                System.err.println("feature classifier: cached " + params.getFileName() + " is unreadable ("
                        + oneLine(e) + "); retraining");
            }
        }
        FeatureClassifier c = build(train, config, dev, key, false);
        try {
            c.train(train, stepProgress);
            c.testAccuracy = c.accuracy(test);
            try {
                c.store(train, test, params, meta);
            } catch (UncheckedIOException e) {
                System.err.println("feature classifier: cannot write the cache in " + cacheDir + " ("
                        + oneLine(e) + "); continuing with the trained classifier uncached");
            }
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static FeatureClassifier build(ImageSet train, ClassifierConfig config, Device dev, String key,
            boolean fromCache) {
        Engine.getInstance().setRandomSeed(SeedTree.root(config.seed()).child("init").engineSeed());
        NDManager manager = NDManager.newBaseManager(dev);
        try {
            ClassifierNet net = new ClassifierNet(train.channels(), train.classNames().size(), config);
            net.initialize(manager, DataType.FLOAT32,
                    new Shape(config.batchSize(), train.channels(), train.height(), train.width()));
            return new FeatureClassifier(manager, net, config, train.channels(), train.height(), train.width(),
                    key, fromCache);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static FeatureClassifier load(ImageSet train, ImageSet test, ClassifierConfig config, Device dev,
            String key, Path params, Path meta) throws Exception {
        JsonNode json = JSON.readTree(meta.toFile());
        if (!key.equals(json.path("key").asText())) {
            throw new IOException("its JSON names key '" + json.path("key").asText() + "'");
        }
        if (!json.path("test_accuracy").isNumber() || !json.path("train_seconds").isNumber()) {
            throw new IOException("its JSON lacks test_accuracy or train_seconds");
        }
        FeatureClassifier c = build(train, config, dev, key, true);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params));
                DataInputStream data = new DataInputStream(in)) {
            c.net.loadParameters(c.manager, data);
            if (data.read() != -1) {
                throw new IOException("trailing bytes after the parameters");
            }
            c.trainSeconds = json.path("train_seconds").asDouble();
            c.testAccuracy = testDigest(test).equals(json.path("test_sha256").asText())
                    ? json.path("test_accuracy").asDouble()
                    : c.accuracy(test);
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    private void train(ImageSet train, IntConsumer stepProgress) {
        SeedTree root = SeedTree.root(config.seed());
        SplittableRandom rng = root.child("batches").rng();
        int n = train.n();
        int b = config.batchSize();
        int size = train.imageSize();
        int numClasses = net.numClasses();
        Tracker schedule = numUpdate -> (float) config.learningRateAt(Math.max(0, numUpdate - 1));
        Optimizer adamW = Optimizer.adamW()
                .optLearningRateTracker(schedule)
                .optWeightDecays((float) config.weightDecay())
                .build();
        ParameterStore store = new ParameterStore(manager, false);
        store.setParameterServer(Engine.getInstance().newParameterServer(adamW), new Device[] {manager.getDevice()});
        int[] order = identity(n);
        int cursor = n;
        float[] batch = new float[b * size];
        float[] oneHot = new float[b * numClasses];
        long start = System.nanoTime();
        for (int s = 0; s < config.steps(); s++) {
            Arrays.fill(oneHot, 0);
            for (int i = 0; i < b; i++) {
                if (cursor == n) {
                    shuffle(order, rng);
                    cursor = 0;
                }
                int idx = order[cursor++];
                copyImage(train.pixels(), idx, batch, i, rng.nextBoolean());
                oneHot[i * numClasses + train.labels()[idx]] = 1;
            }
            try (NDManager sm = manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = sm.create(batch, new Shape(b, channels, height, width));
                NDArray y = sm.create(oneHot, new Shape(b, numClasses));
                NDArray logits = net.forward(store, new NDList(x), true).get(0);
                NDArray loss = logits.logSoftmax(1).mul(y).sum().div(-b);
                float value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    throw new IllegalStateException("feature classifier: training loss became " + value
                            + " at step " + (s + 1) + "; lower classifier.learningRate");
                }
                collector.backward(loss);
            }
            store.updateAllParameters();
            if (stepProgress != null) {
                stepProgress.accept(s + 1);
            }
        }
        trainSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** Copies image {@code src} of {@code from} into slot {@code dst} of {@code to}, mirrored left-right if asked. */
    private void copyImage(float[] from, int src, float[] to, int dst, boolean flip) {
        int size = channels * height * width;
        if (!flip) {
            System.arraycopy(from, src * size, to, dst * size, size);
            return;
        }
        for (int row = 0; row < channels * height; row++) {
            int a = src * size + row * width;
            int o = dst * size + row * width;
            for (int x = 0; x < width; x++) {
                to[o + x] = from[a + width - 1 - x];
            }
        }
    }

    private double accuracy(ImageSet test) {
        int[] predicted = predict(test.pixels(), test.n());
        int hits = 0;
        for (int i = 0; i < test.n(); i++) {
            if (predicted[i] == test.labels()[i]) {
                hits++;
            }
        }
        return (double) hits / test.n();
    }

    private void store(ImageSet train, ImageSet test, Path params, Path meta) {
        AtomicFiles.writeBytes(params, out -> {
            DataOutputStream data = new DataOutputStream(out);
            net.saveParameters(data);
            data.flush();
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("version", VERSION);
        m.put("test_accuracy", testAccuracy);
        m.put("train_seconds", trainSeconds);
        m.put("n_train", train.n());
        m.put("n_test", test.n());
        m.put("channels", channels);
        m.put("height", height);
        m.put("width", width);
        m.put("num_classes", net.numClasses());
        m.put("test_sha256", testDigest(test));
        m.put("config", config.toMap());
        try {
            AtomicFiles.writeString(meta, JSON.writeValueAsString(m) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + meta + ": " + e.getMessage(), e);
        }
    }

    /**
     * Penultimate features (n x featureDim) of the first n images of {@code pixelsNchw} (NCHW layout, the
     * training split's image shape), computed in chunks of {@value #CHUNK} images without gradient recording.
     */
    public double[][] features(float[] pixelsNchw, int n) {
        double[][] out = new double[n][];
        forEachChunk(pixelsNchw, n, (from, result) -> copyFeatures(result.get(1), out, from));
        return out;
    }

    /** The most likely class of each of the first n images of {@code pixelsNchw} (NCHW layout). */
    public int[] predict(float[] pixelsNchw, int n) {
        int[] out = new int[n];
        forEachChunk(pixelsNchw, n, (from, result) -> copyPredictions(result.get(0), out, from));
        return out;
    }

    /** Features and most likely classes of a batch of images, from one forward pass. */
    public record Outputs(double[][] features, int[] predicted) {
    }

    /** {@link #features} and {@link #predict} of the first n images of {@code pixelsNchw} in one pass. */
    public Outputs evaluate(float[] pixelsNchw, int n) {
        double[][] features = new double[n][];
        int[] predicted = new int[n];
        forEachChunk(pixelsNchw, n, (from, result) -> {
            copyPredictions(result.get(0), predicted, from);
            copyFeatures(result.get(1), features, from);
        });
        return new Outputs(features, predicted);
    }

    private void copyFeatures(NDArray features, double[][] out, int from) {
        int k = config.featureDim();
        float[] f = features.toFloatArray();
        for (int i = 0; i < f.length / k; i++) {
            double[] row = new double[k];
            for (int j = 0; j < k; j++) {
                row[j] = f[i * k + j];
            }
            out[from + i] = row;
        }
    }

    private static void copyPredictions(NDArray logits, int[] out, int from) {
        long[] arg = logits.argMax(1).toLongArray();
        for (int i = 0; i < arg.length; i++) {
            out[from + i] = (int) arg[i];
        }
    }

    private interface ChunkResult {
        void accept(int from, NDList result);
    }

    private void forEachChunk(float[] pixels, int n, ChunkResult sink) {
        int size = channels * height * width;
        if (pixels.length % size != 0 || n < 0 || (long) n * size > pixels.length) {
            throw new IllegalArgumentException("classifier: pixels has length " + pixels.length + ", not a multiple of "
                    + channels + " * " + height + " * " + width + " = " + size + " holding at least n = " + n
                    + " images; pass images of the training split's shape in NCHW layout");
        }
        ParameterStore ps = new ParameterStore(manager, false);
        // PyTorch's grad mode is per thread and on by default in threads other than the engine's first: turn
        // it off so that no autograd graph is recorded
        boolean pytorch = "PyTorch".equals(Engine.getInstance().getEngineName());
        boolean previous = pytorch && JniUtils.isGradMode();
        if (previous) {
            JniUtils.setGradMode(false);
        }
        try {
            for (int from = 0; from < n; from += CHUNK) {
                int m = Math.min(CHUNK, n - from);
                try (NDManager sm = manager.newSubManager()) {
                    NDArray x = sm.create(Arrays.copyOfRange(pixels, from * size, (from + m) * size),
                            new Shape(m, channels, height, width));
                    sink.accept(from, net.forward(ps, new NDList(x), false));
                }
            }
        } finally {
            if (previous) {
                JniUtils.setGradMode(true);
            }
        }
    }

    /** Test accuracy: fraction of the test split whose most likely class is its label. */
    public double testAccuracy() {
        return testAccuracy;
    }

    /** Whether the classifier was loaded from the cache rather than trained now. */
    public boolean fromCache() {
        return fromCache;
    }

    /** The cache key (64 hex digits). */
    public String key() {
        return key;
    }

    /** Seconds the training steps took (when loaded from the cache: those of the run that trained it). */
    public double trainSeconds() {
        return trainSeconds;
    }

    public ClassifierConfig config() {
        return config;
    }

    /** Width of the feature vectors. */
    public int featureDim() {
        return config.featureDim();
    }

    public int numClasses() {
        return net.numClasses();
    }

    /** Values per image, channels * height * width. */
    public int imageSize() {
        return channels * height * width;
    }

    ClassifierNet net() {
        return net;
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * The cache key: SHA-256 over {@link #VERSION}, the config's fields, the image shape, the class names and
     * the training pixels (float32 bits, little-endian) and labels.
     */
    static String cacheKey(ImageSet train, ClassifierConfig config) {
        MessageDigest md = sha256();
        String header = VERSION + "\n" + config.toMap() + "\n" + shape(train) + "\n" + train.classNames() + "\n";
        md.update(header.getBytes(StandardCharsets.UTF_8));
        update(md, train.pixels());
        update(md, train.labels());
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of a test split's shape, pixels and labels (tells whether a cached accuracy is for it). */
    static String testDigest(ImageSet test) {
        MessageDigest md = sha256();
        md.update((shape(test) + "\n").getBytes(StandardCharsets.UTF_8));
        update(md, test.pixels());
        update(md, test.labels());
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static final int HASH_BLOCK = 1 << 16;

    private static void update(MessageDigest md, float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(4 * HASH_BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < v.length; from += HASH_BLOCK) {
            int m = Math.min(HASH_BLOCK, v.length - from);
            buf.clear();
            buf.asFloatBuffer().put(v, from, m);
            md.update(buf.array(), 0, 4 * m);
        }
    }

    private static void update(MessageDigest md, int[] v) {
        ByteBuffer buf = ByteBuffer.allocate(4 * HASH_BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < v.length; from += HASH_BLOCK) {
            int m = Math.min(HASH_BLOCK, v.length - from);
            buf.clear();
            buf.asIntBuffer().put(v, from, m);
            md.update(buf.array(), 0, 4 * m);
        }
    }

    private static String shape(ImageSet s) {
        return s.channels() + "x" + s.height() + "x" + s.width() + ", " + s.classNames().size() + " classes";
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
