package io.github.sibench.benchmark.images;

import io.github.sibench.benchmark.ranking.Bootstrap;
import io.github.sibench.benchmark.ranking.Ranking;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.stats.FeatureGaussian;
import io.github.sibench.core.stats.Kid;
import io.github.sibench.datasets.images.ImageSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Image metrics in the feature space of a {@link FeatureClassifier} trained by the suite (no downloaded
 * weights), against a reference split (the test split: images the classifier never trained on):
 *
 * <ul>
 *   <li>{@code classifier_fd}: Frechet distance between Gaussians fitted to the generated images' features
 *       and to the reference features ({@link FeatureGaussian}; FID's formula, Heusel et al. 2017, in the
 *       classifier's penultimate features instead of Inception's pool features). Biased upwards at small n
 *       (the sample covariance's noise adds about tr(S)/n): compare values at the same n only.</li>
 *   <li>{@code kid}, {@code kid_std}: the unbiased cubic-kernel MMD^2 (KID, Binkowski et al. 2018,
 *       {@link Kid}), mean and standard deviation over {@value #KID_SUBSETS} subsets of size
 *       {@code min(}{@value #KID_SUBSET_SIZE}{@code , n, reference n)}, as in the paper; 0 in expectation
 *       for a perfect model at any n.</li>
 *   <li>{@code class_hit} (only when the requested labels are given): the fraction of generated images whose
 *       most likely class under the classifier is the requested one. Bounded by the classifier's own
 *       accuracy: compare it with {@code class_hit_real}.</li>
 * </ul>
 *
 * {@link #realBaseline} computes the same metrics for n real training images (drawn without replacement)
 * against the same reference, with suffix {@code _real}: the value a perfect model would get at that n,
 * the floor a reader compares against. Generated pixels are clipped to [-1, 1] before the classifier sees
 * them, as writing them to an 8-bit image would; a value that is not finite is refused.
 */
public final class ImageMetrics {

    /** Number of KID subsets. */
    public static final int KID_SUBSETS = 10;

    /** Largest KID subset size. */
    public static final int KID_SUBSET_SIZE = 1000;

    /** Bootstrap resamples of the classifier-FD interval over generated images. */
    public static final int FD_RESAMPLES = 100;

    private static final List<String> COLUMNS = List.of("classifier_fd", "classifier_fd_ci_low",
            "classifier_fd_ci_high", "kid", "kid_std", "class_hit",
            "classifier_fd_real", "kid_real", "kid_std_real", "class_hit_real");

    private final FeatureClassifier classifier;
    private final double[][] referenceFeatures;
    private final FeatureGaussian referenceGaussian;

    /**
     * Computes the reference features and their Gaussian once.
     *
     * @param classifier the feature classifier (stays owned by the caller)
     * @param reference the reference images, normally the test split the classifier did not train on
     */
    public ImageMetrics(FeatureClassifier classifier, ImageSet reference) {
        if (reference.imageSize() != classifier.imageSize()) {
            throw new IllegalArgumentException("image metrics: reference images have " + reference.imageSize()
                    + " values each, the classifier takes " + classifier.imageSize()
                    + "; use the split the classifier was trained for");
        }
        if (reference.n() < 2) {
            throw new IllegalArgumentException("image metrics: the reference needs at least 2 images, got "
                    + reference.n());
        }
        this.classifier = classifier;
        this.referenceFeatures = classifier.features(reference.pixels(), reference.n());
        this.referenceGaussian = FeatureGaussian.fit(referenceFeatures);
    }

    /** Every column these metrics can produce, in report order. */
    public static List<String> columns() {
        return COLUMNS;
    }

    /**
     * One line per column naming the metric and its feature space, for reports (so that nobody takes
     * {@code classifier_fd} for Inception FID).
     */
    public static Map<String, String> columnDescriptions() {
        String space = "in the penultimate features of the suite's own classifier trained on the training split"
                + " (not Inception)";
        Map<String, String> d = new LinkedHashMap<>();
        d.put("classifier_fd", "Frechet distance of feature Gaussians, generated vs test split, " + space);
        d.put("classifier_fd_ci_low", "lower end of the 95% bias-corrected percentile bootstrap interval of"
                + " classifier_fd over the generated images (" + FD_RESAMPLES + " resamples): the uncertainty from"
                + " the sample size alone");
        d.put("classifier_fd_ci_high", "upper end of that interval");
        d.put("kid", "KID: unbiased cubic-kernel MMD^2, mean over " + KID_SUBSETS + " subsets of up to "
                + KID_SUBSET_SIZE + " images, " + space);
        d.put("kid_std", "standard deviation of KID over its subsets");
        d.put("class_hit", "fraction of generated images the classifier assigns to their requested class");
        d.put("classifier_fd_real", "classifier_fd of as many real training images: the floor at this n");
        d.put("kid_real", "kid of as many real training images: the floor at this n");
        d.put("kid_std_real", "kid_std of as many real training images");
        d.put("class_hit_real", "class_hit of as many real training images with their true labels: the ceiling");
        return d;
    }

    /** Number of reference images. */
    public int referenceSize() {
        return referenceFeatures.length;
    }

    /**
     * Metrics of n generated images.
     *
     * @param pixels images in NCHW layout, of which the first n are measured; values nominally in [-1, 1]
     *     (clipped to it)
     * @param n number of images, at least 2
     * @param requestedLabels the class each image was generated for (length n), or null when unconditional
     * @param seed seed of the KID subsets (node {@code seed.child("kid")}) and of the bootstrap (node
     *     {@code seed.child("fd-bootstrap")})
     * @return {@code classifier_fd} with its 95% bias-corrected percentile bootstrap interval over the n
     *     images ({@code classifier_fd_ci_low}, {@code classifier_fd_ci_high}; {@value #FD_RESAMPLES}
     *     resamples with replacement, the reference fixed; {@link Bootstrap#biasCorrected}), {@code kid}, {@code kid_std} and, with labels, {@code class_hit}
     */
    public Map<String, Object> measure(float[] pixels, int n, int[] requestedLabels, SeedTree seed) {
        if (n < 2) {
            throw new IllegalArgumentException("image metrics: need at least 2 generated images, got " + n);
        }
        if (requestedLabels != null && requestedLabels.length != n) {
            throw new IllegalArgumentException("image metrics: requestedLabels has length " + requestedLabels.length
                    + ", not n = " + n + "; pass one requested class per image or null");
        }
        if (requestedLabels != null) {
            for (int label : requestedLabels) {
                if (label < 0 || label >= classifier.numClasses()) {
                    throw new IllegalArgumentException("image metrics: requested label " + label + " is outside 0.."
                            + (classifier.numClasses() - 1) + "; pass the classifier's class indices");
                }
            }
        }
        int size = classifier.imageSize();
        if (pixels.length % size != 0 || (long) n * size > pixels.length) {
            throw new IllegalArgumentException("image metrics: pixels has length " + pixels.length
                    + ", not a multiple of the image size " + size + " holding at least n = " + n + " images");
        }
        float[] clipped = new float[n * size];
        int notFinite = 0;
        for (int i = 0; i < clipped.length; i++) {
            float v = pixels[i];
            if (!Float.isFinite(v)) {
                notFinite++;
            }
            clipped[i] = Math.max(-1f, Math.min(1f, v));
        }
        if (notFinite > 0) {
            throw new IllegalArgumentException("image metrics: " + notFinite + " of " + clipped.length
                    + " generated values are not finite (NaN or infinite); the model or sampler diverged");
        }
        return metrics(clipped, n, requestedLabels, seed, "");
    }

    /**
     * The metrics of n real images drawn without replacement from {@code train} (indices from
     * {@code seed.child("real")}), with the class_hit of their true labels: columns
     * {@code classifier_fd_real}, {@code kid_real}, {@code kid_std_real}, {@code class_hit_real}.
     */
    public Map<String, Object> realBaseline(ImageSet train, int n, SeedTree seed) {
        if (train.imageSize() != classifier.imageSize()) {
            throw new IllegalArgumentException("image metrics: training images have " + train.imageSize()
                    + " values each, the classifier takes " + classifier.imageSize());
        }
        if (n < 2 || n > train.n()) {
            throw new IllegalArgumentException("image metrics: the real baseline needs 2 <= n <= " + train.n()
                    + " (training images), got " + n);
        }
        int size = train.imageSize();
        int[] idx = Kid.sample(seed.child("real").rng(), train.n(), n);
        float[] pixels = new float[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(train.pixels(), idx[i] * size, pixels, i * size, size);
            labels[i] = train.labels()[idx[i]];
        }
        return metrics(pixels, n, labels, seed, "_real");
    }

    private Map<String, Object> metrics(float[] pixels, int n, int[] labels, SeedTree seed, String suffix) {
        FeatureClassifier.Outputs outputs = classifier.evaluate(pixels, n);
        double[][] f = outputs.features();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("classifier_fd" + suffix, FeatureGaussian.fit(f).frechet(referenceGaussian));
        if (suffix.isEmpty()) {
            double[][] resampled = new double[n][];
            Bootstrap.Interval ci = Bootstrap.biasCorrected(n, idx -> {
                for (int i = 0; i < n; i++) {
                    resampled[i] = f[idx[i]];
                }
                return FeatureGaussian.fit(resampled).frechet(referenceGaussian);
            }, FD_RESAMPLES, Ranking.LEVEL, seed.child("fd-bootstrap"));
            out.put("classifier_fd_ci_low", ci.low());
            out.put("classifier_fd_ci_high", ci.high());
        }
        int m = Math.min(KID_SUBSET_SIZE, Math.min(n, referenceFeatures.length));
        Kid.Estimate kid = Kid.subsets(f, referenceFeatures, KID_SUBSETS, m, seed);
        out.put("kid" + suffix, kid.mean());
        out.put("kid_std" + suffix, kid.std());
        if (labels != null) {
            int hits = 0;
            for (int i = 0; i < n; i++) {
                if (outputs.predicted()[i] == labels[i]) {
                    hits++;
                }
            }
            out.put("class_hit" + suffix, (double) hits / n);
        }
        return out;
    }
}
