package io.github.sibench.benchmark.images;

import io.github.sibench.core.random.SeedTree;
import io.github.sibench.core.stats.FeatureGaussian;
import io.github.sibench.core.stats.Kid;
import io.github.sibench.datasets.images.CifarFormat;
import io.github.sibench.datasets.images.CifarSource;
import io.github.sibench.datasets.images.ImageDataset;
import io.github.sibench.datasets.images.ImageOptions;
import io.github.sibench.datasets.images.ImageSet;
import io.github.sibench.datasets.images.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the feature classifier and the image metrics on the real CIFAR-100 archive (not a unit test: it
 * takes minutes). Run from the repository root after {@code mvn -q install -DskipTests}, with the test
 * classpath, e.g.
 *
 * <pre>
 *   java -Dai.djl.offline=true -cp benchmark/target/classes:benchmark/target/test-classes:$CP \
 *       io.github.sibench.benchmark.images.CifarMeasurement ../shared/data/cifar100/cifar-100-binary.tar.gz \
 *       [--full-size] [--steps N] [--batch B] [--lr X] [--widths 32,64,128] [--cache DIR]
 * </pre>
 *
 * Prints the data loading time, training time and test accuracy of the classifier, the time to compute
 * the features of 10,000 images, and the time and values of the metrics at n = 2,000 and n = 10,000
 * against the 10,000 test images (the "generated" images being real training images, so the values are
 * the real baselines).
 */
public final class CifarMeasurement {

    private CifarMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(args[0]);
        boolean downsample = true;
        ClassifierConfig d = ClassifierConfig.defaults();
        List<Integer> widths = d.widths();
        int steps = d.steps();
        int batch = d.batchSize();
        double lr = d.learningRate();
        int featureDim = d.featureDim();
        Path cache = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--full-size" -> downsample = false;
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--lr" -> lr = Double.parseDouble(args[++i]);
                case "--feature-dim" -> featureDim = Integer.parseInt(args[++i]);
                case "--widths" -> {
                    List<Integer> w = new ArrayList<>();
                    for (String s : args[++i].split(",")) {
                        w.add(Integer.parseInt(s));
                    }
                    widths = w;
                }
                case "--cache" -> cache = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        ClassifierConfig config = new ClassifierConfig(widths, featureDim, steps, batch, lr, d.weightDecay(),
                d.seed());
        if (cache == null) {
            cache = Files.createTempDirectory("sibench-classifier");
        }
        long t0 = System.nanoTime();
        ImageDataset data = CifarSource.ofPath(archive)
                .load(CifarFormat.CIFAR100, ImageOptions.all().withDownsample2x(downsample));
        ImageSet train = data.split(Split.TRAIN);
        ImageSet test = data.split(Split.TEST);
        System.out.printf("data: %d train + %d test images, %dx%dx%d, %d classes, loaded in %.1f s%n", train.n(),
                test.n(), train.channels(), train.height(), train.width(), train.classNames().size(), seconds(t0));
        System.out.println("config: " + config);
        t0 = System.nanoTime();
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, config, cache, "cpu", s -> {
            if (s % 500 == 0) {
                System.out.printf("  step %d%n", s);
            }
        })) {
            System.out.printf("classifier: %s, test accuracy %.4f, training %.1f s (trainOrLoad %.1f s, from cache: %s)%n",
                    c.key().substring(0, 12), c.testAccuracy(), c.trainSeconds(), seconds(t0), c.fromCache());
            t0 = System.nanoTime();
            c.features(test.pixels(), test.n());
            System.out.printf("features of %d images: %.2f s%n", test.n(), seconds(t0));
            t0 = System.nanoTime();
            ImageMetrics metrics = new ImageMetrics(c, test);
            System.out.printf("reference (features + Gaussian of %d test images): %.2f s%n", test.n(), seconds(t0));
            double[][] reference = c.features(test.pixels(), test.n());
            for (int n : new int[] {2000, 10000}) {
                t0 = System.nanoTime();
                Map<String, Object> real = metrics.realBaseline(train, n, SeedTree.root(0));
                System.out.printf("n = %d: %s in %.2f s%n", n, real, seconds(t0));
                double[][] f = c.features(train.pixels(), n);
                t0 = System.nanoTime();
                double fd = FeatureGaussian.fit(f).frechet(FeatureGaussian.fit(reference));
                double fdSeconds = seconds(t0);
                t0 = System.nanoTime();
                Kid.Estimate kid = Kid.subsets(f, reference, ImageMetrics.KID_SUBSETS,
                        Math.min(ImageMetrics.KID_SUBSET_SIZE, n), SeedTree.root(0));
                System.out.printf("  from features: FD %.4f in %.2f s (both Gaussians fitted), KID %.5f in %.2f s%n",
                        fd, fdSeconds, kid.mean(), seconds(t0));
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
