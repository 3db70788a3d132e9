package io.github.sibench.datasets.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The common image-folder layout {@code <root>/<split>/<class>/<image>.png|jpg} (split = {@code train} or
 * {@code test}), decoded with JDK ImageIO into 3 RGB channels. Classes are the sub-folder names sorted, and
 * must be the same in every split; within a class, images are taken in file-name order. Every image must
 * have the size of the first one. {@link #loadArchive} reads the same layout straight from a tar(.gz), with
 * classes sorted by name and images in entry order.
 */
public final class ImageFolder {
  private ImageFolder() {}

  /** Loads the splits present under {@code root}. */
  public static ImageDataset load(Path root, ImageOptions options) {
    requireFine(options);
    if (!Files.isDirectory(root)) {
      throw new ImageDataException("image folder: no folder at " + root + "; pass a folder holding train/ and/or test/");
    }
    Map<Split, TreeMap<String, List<Path>>> files = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      Path dir = root.resolve(split.dirName());
      if (Files.isDirectory(dir)) {
        files.put(split, listClasses(dir));
      }
    }
    if (files.isEmpty()) {
      throw new ImageDataException("image folder: " + root + " has neither train/ nor test/; lay images out as <split>/<class>/<image>.png");
    }
    List<String> classes = null;
    for (var e : files.entrySet()) {
      List<String> here = new ArrayList<>(e.getValue().keySet());
      if (classes == null) {
        classes = here;
      } else if (!classes.equals(here)) {
        throw new ImageDataException("image folder: classes of " + e.getKey().dirName() + "/ " + here
            + " differ from " + classes + "; give every split the same class folders");
      }
    }
    Decoder decoder = new Decoder(classes.size(), options);
    Map<Split, ImageSet> splits = new EnumMap<>(Split.class);
    for (var e : files.entrySet()) {
      Collector collector = null;
      int label = 0;
      for (List<Path> images : e.getValue().values()) {
        for (Path image : images) {
          if (collector != null && !collector.wants(label)) {
            break;
          }
          byte[] chw;
          try (InputStream in = Files.newInputStream(image)) {
            chw = decoder.decode(image.toString(), in);
          } catch (IOException ex) {
            throw new ImageDataException("image folder: cannot read " + image + " (" + ex + "); check the file");
          }
          if (collector == null) {
            collector = decoder.collector();
          }
          collector.offer(label, chw, 0);
        }
        label++;
      }
      if (collector == null) {
        throw new ImageDataException("image folder: " + root.resolve(e.getKey().dirName()) + " has no images; add .png or .jpg files");
      }
      splits.put(e.getKey(), collector.build(classes));
    }
    Collector any = decoder.collector();
    return new LoadedImages("image folder", any.keptNames(classes), SourceCheck.LAYOUT, splits, root.toString());
  }

  /**
   * Loads one split straight from a tar or tar.gz of {@code <split>/<class>/<image>} entries (other entries
   * are ignored); links and escaping names are refused.
   */
  public static ImageDataset loadArchive(Path archive, Split split, ImageOptions options) {
    requireFine(options);
    Map<String, List<byte[]>> perClass = new TreeMap<>();
    int limit = options.perClassLimit();
    Decoder decoder = new Decoder(1, ImageOptions.all());
    SafeTar.forEachFile(archive, (name, size, in) -> {
      String[] parts = name.split("/");
      int s = parts.length - 3;
      if (s < 0 || !parts[s].equals(split.dirName()) || !isImage(parts[s + 2])) {
        return;
      }
      List<byte[]> list = perClass.computeIfAbsent(parts[s + 1], k -> new ArrayList<>());
      if (limit == 0 || list.size() < limit) {
        list.add(decoder.decode(archive + "!" + name, new ByteArrayInputStream(in.readAllBytes())));
      }
    });
    if (perClass.isEmpty()) {
      throw new ImageDataException("image archive " + archive + " has no " + split.dirName()
          + "/<class>/<image> entries; pass an archive in the image-folder layout or another split");
    }
    List<String> classes = new ArrayList<>(perClass.keySet());
    Decoder sized = new Decoder(classes.size(), options);
    sized.height = decoder.height;
    sized.width = decoder.width;
    Collector collector = sized.collector();
    int label = 0;
    for (List<byte[]> images : perClass.values()) {
      for (byte[] chw : images) {
        collector.offer(label, chw, 0);
      }
      label++;
    }
    Map<Split, ImageSet> splits = new EnumMap<>(Split.class);
    splits.put(split, collector.build(classes));
    return new LoadedImages("image archive", collector.keptNames(classes), SourceCheck.LAYOUT, splits, archive.toString());
  }

  private static void requireFine(ImageOptions options) {
    if (options.labels() != LabelKind.FINE) {
      throw new ImageDataException("image folder: coarse labels exist only for CIFAR-100; use LabelKind.FINE");
    }
  }

  private static boolean isImage(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    return f.endsWith(".png") || f.endsWith(".jpg") || f.endsWith(".jpeg");
  }

  private static TreeMap<String, List<Path>> listClasses(Path splitDir) {
    TreeMap<String, List<Path>> classes = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(splitDir)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> images = Files.list(dir)) {
          classes.put(dir.getFileName().toString(), images.filter(p -> isImage(p.getFileName().toString()))
              .filter(Files::isRegularFile).sorted().toList());
        }
      }
    } catch (IOException e) {
      throw new ImageDataException("image folder: cannot list " + splitDir + " (" + e + "); check its permissions");
    }
    return classes;
  }

  /** Decodes images to CHW RGB bytes, requiring every image to have the first one's size. */
  private static final class Decoder {
    private final int classes;
    private final ImageOptions options;
    private int height = -1;
    private int width = -1;
    private String first;

    Decoder(int classes, ImageOptions options) {
      this.classes = classes;
      this.options = options;
    }

    byte[] decode(String name, InputStream in) throws IOException {
      BufferedImage img = ImageIO.read(in);
      if (img == null) {
        throw new ImageDataException("image folder: " + name + " is not a readable PNG/JPEG; remove or re-encode it");
      }
      if (height < 0) {
        height = img.getHeight();
        width = img.getWidth();
        first = name;
      } else if (img.getHeight() != height || img.getWidth() != width) {
        throw new ImageDataException("image folder: " + name + " is " + img.getWidth() + "x" + img.getHeight()
            + " but the first image " + (first == null ? "" : "(" + first + ") ") + "is " + width + "x" + height
            + "; all images must have the same size, resize them");
      }
      int plane = height * width;
      byte[] chw = new byte[3 * plane];
      int[] rgb = img.getRGB(0, 0, width, height, null, 0, width);
      for (int i = 0; i < plane; i++) {
        chw[i] = (byte) (rgb[i] >> 16);
        chw[plane + i] = (byte) (rgb[i] >> 8);
        chw[2 * plane + i] = (byte) rgb[i];
      }
      return chw;
    }

    /** A fresh collector for images of the decoded size (one per split). */
    Collector collector() {
      return new Collector("image folder", classes, options, 3, height, width);
    }
  }
}
