package io.github.sibench.benchmark.images;

import ai.djl.Device;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.stats.FeatureGaussian;
import io.github.sibench.core.stats.Kid;
import io.github.sibench.datasets.images.ImageSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Inception FID (Heusel et al. 2017) of generated images against the test split, in the pool features of
 * the TorchScript file {@code images.inception} ({@link InceptionFeatures}; off when the field is absent):
 *
 * <ul>
 *   <li>{@code inception_fid}: the Frechet distance between Gaussians fitted to the generated images'
 *       features and to the test split's ({@link FeatureGaussian}), computed once per run;</li>
 *   <li>{@code inception_fid_real}: the same for n real training images (the real-vs-real floor at this n),
 *       the very images of the classifier's baselines ({@link ImageMetrics#realBaseline}: indices drawn from
 *       {@code seed.child("real")} by {@link Kid#sample}), computed once per seed.</li>
 * </ul>
 *
 * Both are biased upwards at small n (about tr(S)/n of noise): compare values at the same n only, and the
 * published CIFAR-10 FIDs (50,000 generated images against the 50,000 training images) with neither.
 *
 * <p>Cost: besides the network, each distance at D = 2048 runs {@link FeatureGaussian#frechet}: about 13 s
 * on 2 cores (two eigen decompositions by Householder tridiagonalisation and QR, D^3 scaling), plus about
 * 2.8 s per 4,000 x 2048 covariance fit.
 *
 * <p>The columns exist only when {@code images.inception} is set ({@link #columns(String)}), like the toy
 * metrics that exist only for datasets with the capability, so runs without the file have no empty columns.
 */
public final class InceptionMetric implements AutoCloseable {

    private static final List<String> COLUMNS = List.of("inception_fid", "inception_fid_real");

    private final InceptionFeatures features;
    private final ImageSet train;
    private final int nReal;
    private final FeatureGaussian reference;
    private final double referenceSeconds;
    private final Map<Long, Map<String, Object>> baselines = new HashMap<>();

    private InceptionMetric(InceptionFeatures features, ImageSet train, int nReal, FeatureGaussian reference,
            double referenceSeconds) {
        this.features = features;
        this.train = train;
        this.nReal = nReal;
        this.reference = reference;
        this.referenceSeconds = referenceSeconds;
    }

    /** The columns these metrics fill: none when {@code inception} (the config field) is null. */
    public static List<String> columns(String inception) {
        return inception == null ? List.of() : COLUMNS;
    }

    /**
     * Loads the file and fits the reference Gaussian to the test split's features; null when {@code file} is
     * null (the metric is off).
     *
     * @param file path of the TorchScript file, or null
     * @param train the training split the real baseline draws from
     * @param test the reference images
     * @param nReal images in the real baseline (the stage's {@code nSamples})
     * @param device DJL device name, e.g. {@code cpu}
     * @param log receives one line before and one after the reference features
     */
    public static InceptionMetric open(String file, ImageSet train, ImageSet test, int nReal, String device,
            Consumer<String> log) {
        if (file == null) {
            return null;
        }
        if (nReal < 2 || nReal > train.n()) {
            throw new IllegalArgumentException("inception metric: the real baseline needs 2 <= n <= " + train.n()
                    + " (training images), got " + nReal);
        }
        if (test.n() < 2) {
            throw new IllegalArgumentException("inception metric: the reference needs at least 2 images, got "
                    + test.n());
        }
        InceptionFeatures f = InceptionFeatures.load(Path.of(file), Device.fromName(device));
        try {
            log.accept("Inception features of " + test.n() + " test images from " + file);
            long start = System.nanoTime();
            double[][] ref = f.features(test.pixels(), test.n(), test.channels(), test.height(), test.width());
            double seconds = (System.nanoTime() - start) / 1e9;
            log.accept(String.format(Locale.ROOT, "Inception features: %d of dimension %d in %.1f s (%.1f images/s)",
                    test.n(), f.dimension(), seconds, test.n() / seconds));
            return new InceptionMetric(f, train, nReal, FeatureGaussian.fit(ref), seconds);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /** Seconds the reference features took. */
    public double referenceSeconds() {
        return referenceSeconds;
    }

    /** The feature extractor. */
    public InceptionFeatures features() {
        return features;
    }

    /**
     * {@code inception_fid} of the first n generated images (NCHW, the training split's shape, values in
     * [-1, 1]) and {@code inception_fid_real} of the real baseline drawn from {@code baselineSeed} (computed
     * at the first call with that seed, then reused).
     */
    public Map<String, Object> measure(float[] pixels, int n, SeedTree baselineSeed) {
        if (n < 2) {
            throw new IllegalArgumentException("inception metric: need at least 2 generated images, got " + n);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inception_fid", fid(pixels, n));
        out.putAll(baselines.computeIfAbsent(baselineSeed.seed(), s -> realBaseline(baselineSeed)));
        return out;
    }

    private Map<String, Object> realBaseline(SeedTree seed) {
        int size = train.imageSize();
        int[] idx = Kid.sample(seed.child("real").rng(), train.n(), nReal);
        float[] pixels = new float[nReal * size];
        for (int i = 0; i < nReal; i++) {
            System.arraycopy(train.pixels(), idx[i] * size, pixels, i * size, size);
        }
        return Map.of("inception_fid_real", fid(pixels, nReal));
    }

    private double fid(float[] pixels, int n) {
        double[][] f = features.features(pixels, n, train.channels(), train.height(), train.width());
        return FeatureGaussian.fit(f).frechet(reference);
    }

    @Override
    public void close() {
        features.close();
    }
}
