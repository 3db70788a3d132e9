package io.github.sibench.datasets.images;

import static io.github.sibench.datasets.images.CifarFixtures.SMALL100;
import static io.github.sibench.datasets.images.CifarFixtures.pixel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryTest {
  @TempDir Path tmp;

  private static ImageDataset read(CifarFormat format, Path p, ImageOptions o) {
    return CifarBinary.read(format, p, o, SourceCheck.LAYOUT);
  }

  private static void assertOneLine(ImageDataException e, String... parts) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void folderRecordsBecomeScaledNchwPixelsWithFineLabels() throws Exception {
    Path dir = CifarFixtures.writeFolder(tmp, CifarFixtures.cifar100Files());
    ImageDataset data = read(SMALL100, dir, ImageOptions.all());
    assertEquals(100, data.classNames().size());
    assertEquals("fine0", data.classNames().get(0));
    assertEquals("fine99", data.classNames().get(99));
    ImageSet train = data.split(Split.TRAIN);
    ImageSet test = data.split(Split.TEST);
    assertEquals(300, train.n());
    assertEquals(200, test.n());
    assertEquals(3, train.channels());
    assertEquals(32, train.height());
    assertEquals(32, train.width());
    for (int r : new int[] {0, 1, 157, 299}) {
      assertEquals(CifarFixtures.fine(1, r), train.labels()[r]);
      for (int c = 0; c < 3; c++) {
        for (int y : new int[] {0, 13, 31}) {
          for (int x : new int[] {0, 5, 31}) {
            int p = pixel(1, r, c * 1024 + y * 32 + x);
            assertEquals(p / 127.5f - 1f, train.pixel(r, c, y, x), 1e-6f);
          }
        }
      }
    }
    assertEquals(CifarFixtures.fine(2, 77), test.labels()[77]);
    for (float v : train.pixels()) {
      assertTrue(v >= -1f && v <= 1f);
    }
  }

  @Test
  void archiveAndFolderGiveTheSameImages() throws Exception {
    Map<String, byte[]> files = CifarFixtures.cifar100Files();
    Path dir = CifarFixtures.writeFolder(tmp.resolve("x"), files);
    Path tgz = CifarFixtures.writeTarGz(tmp.resolve("c.tar.gz"), files, List.of());
    for (Split s : Split.values()) {
      ImageSet a = read(SMALL100, dir, ImageOptions.all()).split(s);
      ImageSet b = read(SMALL100, tgz, ImageOptions.all()).split(s);
      assertArrayEquals(a.pixels(), b.pixels());
      assertArrayEquals(a.labels(), b.labels());
    }
    // the folder holding the extracted folder works too
    assertEquals(300, read(SMALL100, tmp.resolve("x"), ImageOptions.all()).split(Split.TRAIN).n());
  }

  @Test
  void subsetAndLimitKeepTheFirstImagesPerClassInFileOrder() throws Exception {
    Path dir = CifarFixtures.writeFolder(tmp, CifarFixtures.cifar100Files());
    ImageOptions o = ImageOptions.all().withClasses(List.of(42, 7)).withPerClassLimit(2);
    ImageDataset data = read(SMALL100, dir, o);
    assertEquals(List.of("fine7", "fine42"), data.classNames());
    ImageSet train = data.split(Split.TRAIN);
    // train fine label = r % 100: class 7 at records 7, 107, 207; class 42 at 42, 142, 242
    assertArrayEquals(new int[] {0, 1, 0, 1}, train.labels());
    int[] records = {7, 42, 107, 142};
    for (int i = 0; i < 4; i++) {
      assertEquals(pixel(1, records[i], 0) / 127.5f - 1f, train.pixel(i, 0, 0, 0), 1e-6f);
      assertEquals(pixel(1, records[i], 2047) / 127.5f - 1f, train.pixel(i, 1, 31, 31), 1e-6f);
    }
    assertArrayEquals(new int[] {2, 2}, data.split(Split.TEST).classCounts());
  }

  @Test
  void downsamplingAveragesEachTwoByTwoBlock() throws Exception {
    Path dir = CifarFixtures.writeFolder(tmp, CifarFixtures.cifar100Files());
    ImageSet full = read(SMALL100, dir, ImageOptions.all()).split(Split.TEST);
    ImageSet half = read(SMALL100, dir, ImageOptions.all().withDownsample2x(true)).split(Split.TEST);
    assertEquals(16, half.height());
    assertEquals(16, half.width());
    assertEquals(full.n(), half.n());
    for (int i : new int[] {0, 99, 199}) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 16; y += 5) {
          for (int x = 0; x < 16; x += 3) {
            // the mean of the scaled values equals the scaled mean of the bytes (the scaling is affine)
            float mean = (full.pixel(i, c, 2 * y, 2 * x) + full.pixel(i, c, 2 * y, 2 * x + 1)
                + full.pixel(i, c, 2 * y + 1, 2 * x) + full.pixel(i, c, 2 * y + 1, 2 * x + 1)) / 4f;
            assertEquals(mean, half.pixel(i, c, y, x), 1e-5f);
          }
        }
      }
    }
  }

  @Test
  void coarseLabelsComeFromTheCoarseByteAndNames() throws Exception {
    Path dir = CifarFixtures.writeFolder(tmp, CifarFixtures.cifar100Files());
    ImageDataset data = read(SMALL100, dir, ImageOptions.all().withLabels(LabelKind.COARSE));
    assertEquals(20, data.classNames().size());
    assertEquals("coarse3", data.classNames().get(3));
    ImageSet train = data.split(Split.TRAIN);
    for (int r = 0; r < 300; r++) {
      assertEquals(CifarFixtures.fine(1, r) / 5, train.labels()[r]);
    }
    assertArrayEquals(new int[] {15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15},
        train.classCounts());
  }

  @Test
  void cifar10LayoutReadsFiveTrainBatchesAndMetaNames() throws Exception {
    CifarFormat small10 = CifarFormat.CIFAR10.withRecords(4, 6);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int b = 1; b <= 5; b++) {
      List<byte[]> recs = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        recs.add(CifarFixtures.record10((b * 4 + r) % 10, b, r));
      }
      files.put("cifar-10-batches-bin/data_batch_" + b + ".bin", CifarFixtures.concat(recs));
    }
    List<byte[]> recs = new ArrayList<>();
    for (int r = 0; r < 6; r++) {
      recs.add(CifarFixtures.record10(9 - r, 9, r));
    }
    files.put("cifar-10-batches-bin/test_batch.bin", CifarFixtures.concat(recs));
    files.put("cifar-10-batches-bin/batches.meta.txt", CifarFixtures.names("c", 10).getBytes(StandardCharsets.UTF_8));
    Path tgz = CifarFixtures.writeTarGz(tmp.resolve("c10.tar.gz"), files, List.of());
    ImageDataset data = read(small10, tgz, ImageOptions.all());
    ImageSet train = data.split(Split.TRAIN);
    assertEquals(20, train.n());
    assertEquals((3 * 4 + 2) % 10, train.labels()[2 * 4 + 2]); // batch 3, record 2
    assertEquals(pixel(3, 2, 1500) / 127.5f - 1f, train.pixel(10, 1, (1500 - 1024) / 32, (1500 - 1024) % 32), 1e-6f);
    assertArrayEquals(new int[] {9, 8, 7, 6, 5, 4}, data.split(Split.TEST).labels());
    assertEquals("c9", data.classNames().get(9));
    ImageDataException e = assertThrows(ImageDataException.class,
        () -> read(small10, tgz, ImageOptions.all().withLabels(LabelKind.COARSE)));
    assertOneLine(e, "coarse");
  }

  @Test
  void wrongSizeTruncatedRecordAndLabelOutOfRangeAreOneLineErrors() throws Exception {
    Map<String, byte[]> files = CifarFixtures.cifar100Files();
    byte[] train = files.get("cifar-100-binary/train.bin");

    Map<String, byte[]> shortByRecord = new LinkedHashMap<>(files);
    shortByRecord.put("cifar-100-binary/train.bin", java.util.Arrays.copyOf(train, train.length - 3074));
    Path a = CifarFixtures.writeFolder(tmp.resolve("a"), shortByRecord);
    assertOneLine(assertThrows(ImageDataException.class, () -> read(SMALL100, a, ImageOptions.all())),
        "wrong size", "train.bin", String.valueOf(300 * 3074L));

    Map<String, byte[]> cut = new LinkedHashMap<>(files);
    cut.put("cifar-100-binary/train.bin", java.util.Arrays.copyOf(train, train.length - 100));
    Path b = CifarFixtures.writeTarGz(tmp.resolve("b.tar.gz"), cut, List.of());
    assertOneLine(assertThrows(ImageDataException.class, () -> read(SMALL100, b, ImageOptions.all())),
        "truncated record", "train.bin");

    Map<String, byte[]> bad = new LinkedHashMap<>(files);
    byte[] test = files.get("cifar-100-binary/test.bin").clone();
    test[5 * 3074 + 1] = (byte) 117;
    bad.put("cifar-100-binary/test.bin", test);
    Path c = CifarFixtures.writeFolder(tmp.resolve("c"), bad);
    assertOneLine(assertThrows(ImageDataException.class, () -> read(SMALL100, c, ImageOptions.all())),
        "label out of range", "record 5", "fine label 117", "100");
    test = files.get("cifar-100-binary/test.bin").clone();
    test[0] = (byte) 20;
    bad.put("cifar-100-binary/test.bin", test);
    Path d = CifarFixtures.writeFolder(tmp.resolve("d"), bad);
    assertOneLine(assertThrows(ImageDataException.class, () -> read(SMALL100, d, ImageOptions.all())),
        "label out of range", "coarse label 20");
  }

  @Test
  void missingFilesAreOneLineErrors() throws Exception {
    for (String name : List.of("fine_label_names.txt", "coarse_label_names.txt", "test.bin")) {
      Map<String, byte[]> files = new LinkedHashMap<>(CifarFixtures.cifar100Files());
      files.remove("cifar-100-binary/" + name);
      Path tgz = CifarFixtures.writeTarGz(tmp.resolve(name + ".tar.gz"), files, List.of());
      ImageDataException e = assertThrows(ImageDataException.class, () -> read(SMALL100, tgz, ImageOptions.all()));
      assertOneLine(e, name.endsWith(".txt") ? "missing label-name file" : "missing file", name, "pass");
    }
    Map<String, byte[]> files = new LinkedHashMap<>(CifarFixtures.cifar100Files());
    files.put("cifar-100-binary/fine_label_names.txt", CifarFixtures.names("f", 99).getBytes(StandardCharsets.UTF_8));
    Path dir = CifarFixtures.writeFolder(tmp.resolve("f"), files);
    assertOneLine(assertThrows(ImageDataException.class, () -> read(SMALL100, dir, ImageOptions.all())),
        "99 names, expected 100");
    Map<String, byte[]> twice = new LinkedHashMap<>(CifarFixtures.cifar100Files());
    twice.put("other/test.bin", twice.get("cifar-100-binary/test.bin"));
    Path dup = CifarFixtures.writeTarGz(tmp.resolve("dup.tar.gz"), twice, List.of());
    assertOneLine(assertThrows(ImageDataException.class, () -> read(SMALL100, dup, ImageOptions.all())),
        "test.bin twice");
    Path nothing = tmp.resolve("nothing.tar.gz");
    assertOneLine(assertThrows(ImageDataException.class, () -> read(SMALL100, nothing, ImageOptions.all())),
        "no file or folder", nothing.toString());
  }

  @Test
  void escapingEntriesAndLinksAreRefused() throws Exception {
    Map<String, byte[]> files = CifarFixtures.cifar100Files();
    var cases = List.of(
        List.of(CifarFixtures.file("../evil.bin"), "escape"),
        List.of(CifarFixtures.file("cifar-100-binary/../../evil.bin"), "escape"),
        List.of(CifarFixtures.file("/etc/evil.bin"), "escape"),
        List.of(CifarFixtures.symlink("cifar-100-binary/link.bin", "/etc/passwd"), "symbolic link"),
        List.of(CifarFixtures.hardlink("cifar-100-binary/hard.bin", "cifar-100-binary/train.bin"), "hard link"));
    int k = 0;
    for (List<Object> c : cases) {
      var entry = (org.apache.commons.compress.archivers.tar.TarArchiveEntry) c.get(0);
      Path tgz = CifarFixtures.writeTarGz(tmp.resolve("e" + k++ + ".tar.gz"), files, List.of(entry));
      ImageDataException e = assertThrows(ImageDataException.class, () -> read(SMALL100, tgz, ImageOptions.all()));
      assertOneLine(e, (String) c.get(1), "refused");
    }
    // a benign "./" prefix and inner ".." that stays inside are fine
    Map<String, byte[]> dotted = new LinkedHashMap<>();
    files.forEach((n, b) -> dotted.put("./x/../" + n, b));
    Path ok = CifarFixtures.writeTarGz(tmp.resolve("ok.tar.gz"), dotted, List.of());
    assertEquals(200, read(SMALL100, ok, ImageOptions.all()).split(Split.TEST).n());
    assertTrue(Files.exists(ok));
  }

  @Test
  void optionsValidateWithOneLineMessages() {
    assertThrows(IllegalArgumentException.class, () -> ImageOptions.all().withPerClassLimit(-1));
    assertThrows(IllegalArgumentException.class, () -> ImageOptions.all().withClasses(List.of(1, 1)));
    assertThrows(IllegalArgumentException.class, () -> ImageOptions.all().withClasses(List.of(-2)));
    assertThrows(IllegalArgumentException.class, () -> ImageOptions.all().withLabels(null));
    assertEquals(List.of(3, 5, 9), ImageOptions.all().withClasses(List.of(9, 3, 5)).classes());
  }

  @Test
  void classSubsetOutOfRangeIsRejected() throws Exception {
    Path dir = CifarFixtures.writeFolder(tmp, CifarFixtures.cifar100Files());
    assertOneLine(assertThrows(ImageDataException.class,
        () -> read(SMALL100, dir, ImageOptions.all().withClasses(List.of(25)).withLabels(LabelKind.COARSE))),
        "25", "below 20");
  }
}
