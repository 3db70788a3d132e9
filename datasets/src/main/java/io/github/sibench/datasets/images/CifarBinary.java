package io.github.sibench.datasets.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CIFAR binary release from its archive (streamed once, entries matched by file name) or its
 * extracted folder, checking the layout on the way: each file's size is its record count times the record
 * size, no record is truncated, every label is in range, and the names files exist with one name per class.
 * The options are applied while records stream, so only kept images are stored.
 */
final class CifarBinary {
  private final CifarFormat format;
  private final ImageOptions options;
  private final Path source;
  private final Map<Split, Collector> collectors = new EnumMap<>(Split.class);
  private final Map<String, Boolean> seen = new HashMap<>();
  private List<String> fineNames;
  private List<String> coarseNames;

  private CifarBinary(CifarFormat format, ImageOptions options, Path source) {
    this.format = format;
    this.options = options;
    this.source = source;
    if (options.labels() == LabelKind.COARSE && format.coarseOffset() < 0) {
      throw new ImageDataException(format.name() + ": has no coarse labels; use LabelKind.FINE");
    }
    int classes = options.labels() == LabelKind.COARSE ? format.coarseClasses() : format.fineClasses();
    for (Split split : Split.values()) {
      collectors.put(split, new Collector(format.name(), classes, options, 3, 32, 32));
    }
  }

  /** Reads {@code source} (archive file or extracted folder) and returns both splits. */
  static ImageDataset read(CifarFormat format, Path source, ImageOptions options, SourceCheck check) {
    CifarBinary reader = new CifarBinary(format, options, source);
    if (Files.isDirectory(source)) {
      reader.readFolder(source);
    } else if (Files.isRegularFile(source)) {
      SafeTar.forEachFile(source, reader::acceptEntry);
    } else {
      throw new ImageDataException(format.name() + ": no file or folder at " + source + "; pass the path of "
          + format.archiveName() + " or its extracted folder");
    }
    return reader.finish(check);
  }

  private void readFolder(Path dir) {
    Path base = Files.isDirectory(dir.resolve(format.folderName())) ? dir.resolve(format.folderName()) : dir;
    List<String> wanted = new ArrayList<>(format.trainFiles());
    wanted.addAll(format.testFiles());
    wanted.add(format.fineNamesFile());
    if (format.coarseNamesFile() != null) {
      wanted.add(format.coarseNamesFile());
    }
    for (String file : wanted) {
      Path p = base.resolve(file);
      if (!Files.isRegularFile(p)) {
        continue; // reported as missing in finish()
      }
      try (InputStream in = Files.newInputStream(p)) {
        acceptEntry(file, Files.size(p), in);
      } catch (IOException e) {
        throw new ImageDataException(format.name() + ": cannot read " + p + " (" + e + "); check its permissions");
      }
    }
  }

  private void acceptEntry(String name, long size, InputStream in) throws IOException {
    String file = name.substring(name.lastIndexOf('/') + 1);
    boolean known = format.splitOf(file) != null || file.equals(format.fineNamesFile())
        || file.equals(format.coarseNamesFile());
    if (known && seen.containsKey(file)) {
      throw new ImageDataException(format.name() + ": " + source + " holds " + file
          + " twice; pass an archive or folder with one copy of each file");
    }
    Split split = format.splitOf(file);
    if (split != null) {
      readRecords(file, split, size, in);
      seen.put(file, true);
    } else if (file.equals(format.fineNamesFile())) {
      fineNames = names(in);
      seen.put(file, true);
    } else if (file.equals(format.coarseNamesFile())) {
      coarseNames = names(in);
      seen.put(file, true);
    }
  }

  private static List<String> names(InputStream in) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        names.add(line.strip());
      }
    }
    return names;
  }

  private void readRecords(String file, Split split, long size, InputStream in) throws IOException {
    int recordBytes = format.recordBytes();
    long expected = (long) format.recordsPerFile(split) * recordBytes;
    String where = source + " (" + file + ")";
    if (size % recordBytes != 0) {
      throw new ImageDataException(format.name() + ": truncated record in " + where + ": " + size
          + " bytes is not a whole number of " + recordBytes + "-byte records; the copy is damaged, re-download it");
    }
    if (size != expected) {
      throw new ImageDataException(format.name() + ": wrong size of " + where + ": " + size + " bytes, expected "
          + expected + " (" + format.recordsPerFile(split) + " records of " + recordBytes
          + " bytes); pass a complete copy of " + format.archiveName());
    }
    Collector collector = collectors.get(split);
    int perBlock = 256;
    byte[] block = new byte[perBlock * recordBytes];
    long records = size / recordBytes;
    for (long r = 0; r < records; r += perBlock) {
      int count = (int) Math.min(perBlock, records - r);
      int got = in.readNBytes(block, 0, count * recordBytes);
      if (got != count * recordBytes) {
        throw new ImageDataException(format.name() + ": truncated record " + (r + got / recordBytes) + " in " + where
            + ": the data ends after " + ((r * recordBytes) + got) + " of " + size
            + " bytes; the copy is damaged, re-download it");
      }
      for (int k = 0; k < count; k++) {
        int off = k * recordBytes;
        int fine = block[off + format.fineOffset()] & 0xff;
        checkRange("fine", fine, format.fineClasses(), r + k, where);
        int label = fine;
        if (format.coarseOffset() >= 0) {
          int coarse = block[off + format.coarseOffset()] & 0xff;
          checkRange("coarse", coarse, format.coarseClasses(), r + k, where);
          if (options.labels() == LabelKind.COARSE) {
            label = coarse;
          }
        }
        collector.offer(label, block, off + format.labelBytes());
      }
    }
  }

  private void checkRange(String kind, int label, int classes, long record, String where) {
    if (label >= classes) {
      throw new ImageDataException(format.name() + ": label out of range: record " + record + " of " + where + " has "
          + kind + " label " + label + ", but there are " + classes + " " + kind
          + " classes; the file is damaged or not " + format.name() + ", pass another copy");
    }
  }

  private ImageDataset finish(SourceCheck check) {
    List<String> required = new ArrayList<>(format.trainFiles());
    required.addAll(format.testFiles());
    for (String file : required) {
      if (!seen.containsKey(file)) {
        throw new ImageDataException(format.name() + ": missing file " + file + " in " + source + "; pass the complete "
            + format.archiveName() + " or its extracted folder");
      }
    }
    List<String> all = namesOrFail(format.fineNamesFile(), fineNames, format.fineClasses());
    if (options.labels() == LabelKind.COARSE) {
      all = namesOrFail(format.coarseNamesFile(), coarseNames, format.coarseClasses());
    } else if (format.coarseNamesFile() != null) {
      namesOrFail(format.coarseNamesFile(), coarseNames, format.coarseClasses());
    }
    Map<Split, ImageSet> splits = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      splits.put(split, collectors.get(split).build(all));
    }
    return new LoadedImages(format.name(), collectors.get(Split.TRAIN).keptNames(all), check, splits,
        source.toString());
  }

  private List<String> namesOrFail(String file, List<String> names, int classes) {
    if (names == null) {
      throw new ImageDataException(format.name() + ": missing label-name file " + file + " in " + source
          + "; pass the complete " + format.archiveName() + " or its extracted folder");
    }
    if (names.size() != classes) {
      throw new ImageDataException(format.name() + ": " + file + " in " + source + " has " + names.size()
          + " names, expected " + classes + " (one a line); pass an intact copy");
    }
    return names;
  }
}
