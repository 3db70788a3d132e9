package io.github.sibench.datasets.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the real archives of {@code ../shared/data} (relative to the repository root); each test skips when
 * its file is absent.
 */
class SharedDataTest {
  /** The folder holding the root pom (packaging pom, no parent), walking up from the working directory. */
  static Path repoRoot() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    Path found = null;
    for (Path d = dir; d != null; d = d.getParent()) {
      Path pom = d.resolve("pom.xml");
      if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>sibench-parent</artifactId>")
          && !Files.readString(pom).contains("<parent>")) {
        found = d;
        break;
      }
    }
    return found;
  }

  static Path shared(String relative) throws IOException {
    Path root = repoRoot();
    assumeTrue(root != null, "no repository root above " + Path.of("").toAbsolutePath());
    Path p = root.resolve("../shared/data").resolve(relative).normalize();
    assumeTrue(Files.isRegularFile(p), p + " is absent");
    return p;
  }

  @Test
  void localCifar100ArchiveIsAcceptedByLayoutWithOfficialSplitsAndNames() throws Exception {
    Path archive = shared("cifar100/cifar-100-binary.tar.gz");
    long t0 = System.nanoTime();
    ImageDataset data = CifarSource.ofPath(archive).load(CifarFormat.CIFAR100, ImageOptions.all().withDownsample2x(true));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(SourceCheck.LAYOUT, data.check());
    List<String> names = data.classNames();
    assertEquals(100, names.size());
    assertEquals("apple", names.get(0));
    assertEquals("worm", names.get(99));
    ImageSet train = data.split(Split.TRAIN);
    ImageSet test = data.split(Split.TEST);
    assertEquals(50_000, train.n());
    assertEquals(10_000, test.n());
    assertEquals(16, train.height());
    int[] trainCounts = train.classCounts();
    int[] testCounts = test.classCounts();
    for (int c = 0; c < 100; c++) {
      assertEquals(500, trainCounts[c], "train images of " + names.get(c));
      assertEquals(100, testCounts[c], "test images of " + names.get(c));
    }
    // the README's note: this copy's test.bin is ordered by fine label
    int[] sortedTest = test.labels().clone();
    Arrays.sort(sortedTest);
    assertTrue(Arrays.equals(sortedTest, test.labels()));
    // real photographs use the whole range, and nothing leaves [-1, 1]
    float min = 1, max = -1;
    for (float v : train.pixels()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertTrue(min >= -1f && min < -0.99f && max <= 1f && max > 0.99f, min + " " + max);
    ImageDataset coarse = CifarSource.ofPath(archive)
        .load(CifarFormat.CIFAR100, ImageOptions.all().withLabels(LabelKind.COARSE).withPerClassLimit(3));
    assertEquals(20, coarse.classNames().size());
    assertEquals(60, coarse.split(Split.TRAIN).n());
    System.out.println("CIFAR-100 archive read (50,000 + 10,000 records, 16x16) in " + ms + " ms");
  }

  @Test
  void localCifar100ArchiveWithTheReadmeSha256() throws Exception {
    Path archive = shared("cifar100/cifar-100-binary.tar.gz");
    ImageDataset data = CifarSource.ofPath(archive, "b7bec4a64d784c87fed7dcd5ea074a76fc6a26d8fe469e3ec487d449b500f20c")
        .load(CifarFormat.CIFAR100, ImageOptions.all().withClasses(List.of(0, 99)).withPerClassLimit(10));
    assertEquals(SourceCheck.SHA256_USER, data.check());
    assertEquals(List.of("apple", "worm"), data.classNames());
    assertEquals(20, data.split(Split.TEST).n());
  }

  @Test
  void cifar10JpegTestTarballReadsDirectly() throws Exception {
    Path archive = shared("cifar10-jpeg/test.tar.gz");
    ImageDataset data = ImageFolder.loadArchive(archive, Split.TEST, ImageOptions.all().withPerClassLimit(5));
    assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
        data.classNames());
    ImageSet test = data.split(Split.TEST);
    assertEquals(50, test.n());
    assertEquals(3, test.channels());
    assertEquals(32, test.height());
    assertEquals(32, test.width());
    for (int count : test.classCounts()) {
      assertEquals(5, count);
    }
  }

  @Test
  void cifar10JpegUnpackedFolderMatchesTheTarball(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path archive = shared("cifar10-jpeg/test.tar.gz");
    java.util.Map<String, Integer> perClass = new java.util.HashMap<>();
    SafeTar.forEachFile(archive, (name, size, in) -> {
      String[] parts = name.split("/");
      if (parts.length >= 3 && perClass.merge(parts[parts.length - 2], 1, Integer::sum) <= 4) {
        Path out = tmp.resolve(name);
        Files.createDirectories(out.getParent());
        Files.write(out, in.readAllBytes());
      }
    });
    Path root = tmp.resolve(Files.isDirectory(tmp.resolve("test")) ? "" : perClassRoot(tmp));
    ImageOptions o = ImageOptions.all().withPerClassLimit(4).withClasses(List.of(3, 5));
    ImageSet folder = ImageFolder.load(root, o).split(Split.TEST);
    ImageSet tar = ImageFolder.loadArchive(archive, Split.TEST, o).split(Split.TEST);
    assertEquals(8, folder.n());
    assertEquals(List.of("cat", "dog"), folder.classNames());
    // the same first-4-per-class images in entry order; the folder lists them by file name, so compare as sets
    assertEquals(Arrays.toString(tar.classCounts()), Arrays.toString(folder.classCounts()));
    assertEquals(imageKeys(tar), imageKeys(folder));
  }

  /** Each image as "label:pixel-sum", sorted: equal lists mean the same images up to order. */
  private static List<String> imageKeys(ImageSet set) {
    String[] keys = new String[set.n()];
    for (int i = 0; i < set.n(); i++) {
      double sum = 0;
      for (int j = 0; j < set.imageSize(); j++) {
        sum += set.pixels()[i * set.imageSize() + j];
      }
      keys[i] = set.labels()[i] + ":" + sum;
    }
    Arrays.sort(keys);
    return List.of(keys);
  }

  private static String perClassRoot(Path tmp) throws IOException {
    try (var s = Files.walk(tmp)) {
      return tmp.relativize(s.filter(p -> p.getFileName().toString().equals("test") && Files.isDirectory(p))
          .findFirst().orElseThrow().getParent()).toString();
    }
  }
}
