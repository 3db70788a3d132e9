package io.github.sibench.benchmark.config;

import io.github.sibench.benchmark.images.ClassifierConfig;
import io.github.sibench.models.backbone.Backbone;
import io.github.sibench.models.train.TrainingConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The image stage of a run (SPEC section 6): after the toy, the toy's top {@code top} models (or every
 * model when {@code top} is 0) are trained on images with the same model settings, measured in the
 * feature space of a classifier trained once on the training split, and ranked again; the two rankings
 * are compared in {@code consistency.csv}. Each model samples with its first listed sampler (its
 * primary sampler, the one the toy ranking uses).
 *
 * @param dataset the images and where they come from
 * @param backbone the network of every model on images ({@code mlp} on flattened pixels or {@code unet});
 *     the VAE always uses an MLP
 * @param training optimisation settings of every model on images
 * @param seeds one training-and-sampling run per seed and model (at least 2 to rank)
 * @param settings label settings to run on images; each is compared with the toy's ranking in the same
 *     setting
 * @param top how many of the toy's best models go on to images; 0: every model of the run
 * @param nSamples images generated per model, setting and seed; also the size of the real-vs-real baseline
 * @param gridImages images shown in each sample grid (PNG); 0: no grids
 * @param writeImages whether to write every generated image in CIFAR's binary record layout
 * @param classifier the feature classifier's architecture and training
 * @param classifierCache folder of trained classifiers, or null for {@code ~/.cache/sibench/classifiers}
 * @param inception path of a TorchScript Inception file ({@code inception-2015-12-05.pt}, see
 *     {@link io.github.sibench.benchmark.images.InceptionFeatures}) to add the columns {@code inception_fid}
 *     and {@code inception_fid_real}, or null (the default): no Inception metric. Never downloaded; the file
 *     must exist when the config loads.
 */
public record ImageStageConfig(ImageDatasetConfig dataset, Backbone backbone, TrainingConfig training, List<Long> seeds,
        List<Setting> settings, int top, int nSamples, int gridImages, boolean writeImages, ClassifierConfig classifier,
        String classifierCache, String inception) {

    /** Most images generated per model accepted (a guard against typos). */
    public static final int MAX_SAMPLES = 1_000_000;

    public ImageStageConfig {
        require(dataset != null, "images.dataset is required");
        require(backbone != null, "images.backbone is required, e.g. {\"type\": \"mlp\", \"hidden\": 512}");
        require(training != null, "images.training is required");
        require(seeds != null && !seeds.isEmpty() && seeds.stream().noneMatch(Objects::isNull),
                "images.seeds must list at least one seed");
        require(seeds.stream().distinct().count() == seeds.size(), "images.seeds must be distinct: " + seeds);
        require(settings != null && !settings.isEmpty() && settings.stream().noneMatch(Objects::isNull),
                "images.settings must list at least one of unsup, cfg, semi");
        require(settings.stream().distinct().count() == settings.size(), "images.settings must be distinct: " + settings);
        require(top >= 0, "images.top must be >= 0 (0: every model), got " + top);
        require(nSamples >= 2 && nSamples <= MAX_SAMPLES, "images.nSamples must be in [2, " + MAX_SAMPLES + "], got "
                + nSamples);
        require(gridImages >= 0 && gridImages <= 1024, "images.gridImages must be in [0, 1024], got " + gridImages);
        require(classifier != null, "images.classifier is required");
        if (classifierCache != null) {
            require(!classifierCache.isBlank(), "images.classifierCache is blank; give a folder or leave it out");
            try {
                Path.of(classifierCache);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("images.classifierCache: '" + classifierCache
                        + "' is not a valid path here (" + e.getReason() + ")");
            }
        }
        if (inception != null) {
            require(!inception.isBlank(), "images.inception is blank; give the path of inception-2015-12-05.pt or "
                    + "leave it out");
            try {
                Path.of(inception);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("images.inception: '" + inception + "' is not a valid path here ("
                        + e.getReason() + ")");
            }
        }
        seeds = List.copyOf(seeds);
        settings = List.copyOf(settings);
    }

    /** The classifier cache folder. */
    public Path classifierCacheDir() {
        return classifierCache != null ? Path.of(classifierCache)
                : Path.of(System.getProperty("user.home"), ".cache", "sibench", "classifiers");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
