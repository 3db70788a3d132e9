package io.github.sibench.datasets.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  @TempDir Path tmp;

  /** Channel value of image {@code k} at (c, y, x): a known function. */
  private static int value(int k, int c, int y, int x) {
    return (k * 31 + c * 80 + y * 9 + x * 5) & 0xff;
  }

  private static byte[] png(int k, int h, int w) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, value(k, 0, y, x) << 16 | value(k, 1, y, x) << 8 | value(k, 2, y, x));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** train: cat (k=0,1,2), dog (k=3,4); test: cat (k=5), dog (k=6); 4x6 images. */
  private static Map<String, byte[]> layout() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("train/dog/b.png", png(4, 4, 6));
    files.put("train/dog/a.png", png(3, 4, 6));
    files.put("train/cat/0.png", png(0, 4, 6));
    files.put("train/cat/1.png", png(1, 4, 6));
    files.put("train/cat/2.png", png(2, 4, 6));
    files.put("test/cat/x.png", png(5, 4, 6));
    files.put("test/dog/y.png", png(6, 4, 6));
    return files;
  }

  @Test
  void foldersBecomeSortedClassesWithExactScaledPixels() throws Exception {
    Path root = CifarFixtures.writeFolder(tmp, layout());
    ImageDataset data = ImageFolder.load(root, ImageOptions.all());
    assertEquals(List.of("cat", "dog"), data.classNames());
    ImageSet train = data.split(Split.TRAIN);
    assertEquals(5, train.n());
    assertEquals(3, train.channels());
    assertEquals(4, train.height());
    assertEquals(6, train.width());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1}, train.labels());
    int[] k = {0, 1, 2, 3, 4}; // dog/a.png (k=3) before dog/b.png (k=4): file-name order
    for (int i = 0; i < 5; i++) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 4; y++) {
          for (int x = 0; x < 6; x++) {
            assertEquals(value(k[i], c, y, x) / 127.5f - 1f, train.pixel(i, c, y, x), 1e-6f);
          }
        }
      }
    }
    ImageSet test = data.split(Split.TEST);
    assertArrayEquals(new int[] {0, 1}, test.labels());
    assertEquals(value(6, 2, 3, 5) / 127.5f - 1f, test.pixel(1, 2, 3, 5), 1e-6f);
  }

  @Test
  void optionsLimitSubsetAndDownsample() throws Exception {
    Path root = CifarFixtures.writeFolder(tmp, layout());
    ImageDataset data = ImageFolder.load(root, ImageOptions.all().withPerClassLimit(2).withDownsample2x(true));
    ImageSet train = data.split(Split.TRAIN);
    assertArrayEquals(new int[] {0, 0, 1, 1}, train.labels());
    assertEquals(2, train.height());
    assertEquals(3, train.width());
    float mean = (value(3, 1, 2, 4) + value(3, 1, 2, 5) + value(3, 1, 3, 4) + value(3, 1, 3, 5)) / 4f / 127.5f - 1f;
    assertEquals(mean, train.pixel(2, 1, 1, 2), 1e-5f);
    ImageDataset dogs = ImageFolder.load(root, ImageOptions.all().withClasses(List.of(1)));
    assertEquals(List.of("dog"), dogs.classNames());
    assertEquals(2, dogs.split(Split.TRAIN).n());
  }

  @Test
  void aDifferentSizeFailsNamingTheFile() throws Exception {
    Map<String, byte[]> files = layout();
    files.put("train/cat/1.png", png(1, 5, 6));
    Path root = CifarFixtures.writeFolder(tmp, files);
    ImageDataException e = assertThrows(ImageDataException.class, () -> ImageFolder.load(root, ImageOptions.all()));
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().contains("1.png") && e.getMessage().contains("same size"), e.getMessage());
  }

  @Test
  void mismatchedClassesMissingSplitAndUnreadableImagesAreOneLineErrors() throws Exception {
    Map<String, byte[]> files = layout();
    files.put("test/bird/z.png", png(7, 4, 6));
    Path root = CifarFixtures.writeFolder(tmp.resolve("a"), files);
    assertTrue(assertThrows(ImageDataException.class, () -> ImageFolder.load(root, ImageOptions.all()))
        .getMessage().contains("same class folders"));
    Map<String, byte[]> trainOnly = layout();
    trainOnly.keySet().removeIf(n -> n.startsWith("test/"));
    trainOnly.put("train/cat/junk.jpg", new byte[] {1, 2, 3});
    Path b = CifarFixtures.writeFolder(tmp.resolve("b"), trainOnly);
    assertTrue(assertThrows(ImageDataException.class, () -> ImageFolder.load(b, ImageOptions.all()))
        .getMessage().contains("junk.jpg"));
    Files.delete(b.resolve("train/cat/junk.jpg"));
    ImageDataset data = ImageFolder.load(b, ImageOptions.all());
    assertTrue(assertThrows(ImageDataException.class, () -> data.split(Split.TEST)).getMessage().contains("no test split"));
    assertThrows(ImageDataException.class, () -> ImageFolder.load(b, ImageOptions.all().withLabels(LabelKind.COARSE)));
  }

  @Test
  void aTarGzInTheSameLayoutGivesTheSameImagesAndRefusesLinks() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    // entry order = file-name order here, so the archive and the folder agree image by image
    List.of("train/cat/0.png", "train/cat/1.png", "train/cat/2.png", "train/dog/a.png", "train/dog/b.png",
        "test/cat/x.png", "test/dog/y.png").forEach(n -> {
          try {
            files.put(n, layout().get(n));
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
    Path root = CifarFixtures.writeFolder(tmp.resolve("f"), files);
    Path tgz = CifarFixtures.writeTarGz(tmp.resolve("t.tar.gz"), files, List.of());
    ImageSet a = ImageFolder.load(root, ImageOptions.all()).split(Split.TRAIN);
    ImageDataset fromTar = ImageFolder.loadArchive(tgz, Split.TRAIN, ImageOptions.all());
    assertEquals(List.of("cat", "dog"), fromTar.classNames());
    assertArrayEquals(a.pixels(), fromTar.split(Split.TRAIN).pixels());
    assertArrayEquals(a.labels(), fromTar.split(Split.TRAIN).labels());
    Path linked = CifarFixtures.writeTarGz(tmp.resolve("l.tar.gz"), files,
        List.of(CifarFixtures.symlink("train/cat/3.png", "/etc/passwd")));
    assertTrue(assertThrows(ImageDataException.class, () -> ImageFolder.loadArchive(linked, Split.TRAIN, ImageOptions.all()))
        .getMessage().contains("symbolic link"));
  }
}
