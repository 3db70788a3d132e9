package io.github.sibench.benchmark;

import io.github.sibench.benchmark.config.ImageDatasetConfig;
import io.github.sibench.benchmark.config.ImageFormat;
import io.github.sibench.benchmark.config.Setting;
import io.github.sibench.core.random.SeedTree;
import io.github.sibench.datasets.images.CifarFormat;
import io.github.sibench.datasets.images.CifarSource;
import io.github.sibench.datasets.images.Downloader;
import io.github.sibench.datasets.images.ImageDataset;
import io.github.sibench.datasets.images.ImageFolder;
import io.github.sibench.datasets.images.ImageOptions;
import io.github.sibench.datasets.images.ImageSet;
import io.github.sibench.datasets.images.LabelKind;
import io.github.sibench.datasets.images.Split;
import io.github.sibench.models.train.TrainingSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The harness side of an image stage's data: the configured dataset loaded from the first source that has
 * it ({@link ImageDatasetConfig}), its training and test splits, and what models take: {@link TrainingSet}s
 * of flattened images (channel-major, pixels in [-1, 1]) per setting.
 *
 * @param name dataset name for the {@code dataset} column, e.g. {@code cifar-100}
 * @param source where the data was read from
 * @param check which check the data passed ({@code LAYOUT}, {@code SHA256(user)}, {@code MD5(official download)})
 * @param train the training split
 * @param test the test split (the reference of every image metric)
 */
public record ImageData(String name, String source, String check, ImageSet train, ImageSet test) {

    /**
     * Checks, without reading it, that the configured data can be found: the given path exists, or some
     * search path does, or the cache holds the archive or its folder, or a download is allowed.
     *
     * @throws IllegalArgumentException with a one-line message naming the field and what to do
     */
    public static void requireSource(ImageDatasetConfig config) {
        if (config.path() != null) {
            if (!Files.exists(Path.of(config.path()))) {
                throw new IllegalArgumentException("images.dataset.path: no file or folder at " + config.path()
                        + "; give the path of your copy of the data");
            }
            return;
        }
        if (config.searchPaths().stream().map(Path::of).anyMatch(Files::exists)) {
            return;
        }
        if (config.format() == ImageFormat.FOLDER) {
            throw new IllegalArgumentException("images.dataset.searchPaths: none of " + config.searchPaths()
                    + " exists; set images.dataset.path to a folder <split>/<class>/<image>");
        }
        CifarFormat format = cifar(config.format());
        Path cache = cache(config);
        if (!config.download() && !Files.exists(cache.resolve(format.archiveName()))
                && !Files.exists(cache.resolve(format.folderName()))) {
            throw new IllegalArgumentException("images.dataset: " + format.name() + " is not at "
                    + config.searchPaths() + " nor in the cache " + cache + ", and download is off; set "
                    + "images.dataset.path to your copy of " + format.archiveName() + " or images.dataset.download=true");
        }
    }

    private static CifarFormat cifar(ImageFormat format) {
        return format == ImageFormat.CIFAR100 ? CifarFormat.CIFAR100 : CifarFormat.CIFAR10;
    }

    private static Path cache(ImageDatasetConfig config) {
        return config.cache() != null ? Path.of(config.cache()) : CifarSource.defaultCache();
    }

    /** Loads the configured dataset; every failure is a one-line {@code ImageDataException}. */
    public static ImageData load(ImageDatasetConfig config) {
        ImageOptions options = new ImageOptions(config.classes(), config.perClassLimit(), config.downsample2x(),
                "coarse".equals(config.labels()) ? LabelKind.COARSE : LabelKind.FINE);
        Optional<Path> local = Optional.ofNullable(config.path()).map(Path::of)
                .or(() -> config.searchPaths().stream().map(Path::of).filter(Files::exists).findFirst());
        ImageDataset data;
        String source;
        if (config.format() == ImageFormat.FOLDER) {
            Path root = local.orElseThrow(() -> new IllegalArgumentException("images.dataset: none of "
                    + config.searchPaths() + " exists; set images.dataset.path to a folder <split>/<class>/<image>"));
            data = ImageFolder.load(root, options);
            source = root.toString();
        } else {
            CifarFormat format = cifar(config.format());
            Path cache = cache(config);
            CifarSource from = new CifarSource(local, Optional.ofNullable(config.sha256()), cache,
                    config.download() ? Downloader.http() : Downloader.offline());
            data = from.load(format, options);
            source = local.map(Path::toString).orElse("cache " + cache);
        }
        String name = config.format().id() + ("coarse".equals(config.labels()) ? "-coarse" : "");
        return new ImageData(name, source, data.check().toString(), data.split(Split.TRAIN), data.split(Split.TEST));
    }

    /** Shape of one image, [C, H, W]. */
    public List<Integer> shape() {
        return List.of(train.channels(), train.height(), train.width());
    }

    /** Number of classes. */
    public int numClasses() {
        return train.classNames().size();
    }

    /**
     * The training set of a setting: without labels ({@code unsup}), with every label ({@code cfg}), or with
     * labels on a random {@code labelledFraction} of the images drawn from {@code seeds} and the null label
     * (-1) elsewhere ({@code semi}).
     */
    public TrainingSet training(Setting setting, double labelledFraction, SeedTree seeds) {
        int n = train.n();
        int dim = train.imageSize();
        return switch (setting) {
            case UNSUP -> TrainingSet.unlabelled(train.pixels(), n, dim);
            case CFG -> new TrainingSet(train.pixels(), n, dim, train.labels(), numClasses());
            case SEMI -> {
                int[] labels = train.labels().clone();
                SplittableRandom rng = seeds.rng();
                for (int i = 0; i < n; i++) {
                    if (rng.nextDouble() >= labelledFraction) {
                        labels[i] = -1;
                    }
                }
                yield new TrainingSet(train.pixels(), n, dim, labels, numClasses());
            }
        };
    }

    /**
     * The class of each of {@code n} images to generate: drawn from the test split's class frequencies
     * (uniform on CIFAR), so that a perfect model matches the reference set.
     */
    public int[] drawClasses(int n, SeedTree seeds) {
        SplittableRandom rng = seeds.rng();
        int[] labels = test.labels();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = labels[rng.nextInt(labels.length)];
        }
        return out;
    }
}
