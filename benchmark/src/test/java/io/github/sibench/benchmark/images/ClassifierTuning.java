package io.github.sibench.benchmark.images;

import io.github.sibench.datasets.images.CifarFormat;
import io.github.sibench.datasets.images.CifarSource;
import io.github.sibench.datasets.images.ImageOptions;
import io.github.sibench.datasets.images.ImageSet;
import io.github.sibench.datasets.images.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scratch tuning driver (not a test): args widths featureDim steps batch lr wd [down2x]. */
public final class ClassifierTuning {
    public static void main(String[] a) throws Exception {
        List<Integer> widths = new ArrayList<>();
        for (String w : a[0].split(",")) {
            widths.add(Integer.parseInt(w));
        }
        ClassifierConfig cfg = new ClassifierConfig(widths, Integer.parseInt(a[1]), Integer.parseInt(a[2]),
                Integer.parseInt(a[3]), Double.parseDouble(a[4]), Double.parseDouble(a[5]), 0);
        boolean down = a.length < 7 || Boolean.parseBoolean(a[6]);
        long t0 = System.nanoTime();
        var data = CifarSource.ofPath(Path.of("/work/shared/data/cifar100/cifar-100-binary.tar.gz"))
                .load(CifarFormat.CIFAR100, ImageOptions.all().withDownsample2x(down));
        ImageSet train = data.split(Split.TRAIN);
        ImageSet test = data.split(Split.TEST);
        System.out.printf("loaded %d+%d %dx%dx%d in %.1f s%n", train.n(), test.n(), train.channels(), train.height(),
                train.width(), (System.nanoTime() - t0) / 1e9);
        Path cache = Files.createTempDirectory("tune");
        long[] start = {System.nanoTime()};
        try (FeatureClassifier c = FeatureClassifier.trainOrLoad(train, test, cfg, cache, "cpu", s -> {
            if (s == 20) {
                start[0] = System.nanoTime();
            }
            if (s % 500 == 0 || s == 120) {
                System.out.printf("step %d: %.1f ms/step%n", s, (System.nanoTime() - start[0]) / 1e6 / (s - 20));
            }
        })) {
            System.out.printf("RESULT %s: acc %.4f train %.1f s%n", cfg, c.testAccuracy(), c.trainSeconds());
        }
    }
}
