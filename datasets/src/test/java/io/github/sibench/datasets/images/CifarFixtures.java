package io.github.sibench.datasets.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes small files in the exact CIFAR binary layouts, and tar(.gz) archives of them. */
final class CifarFixtures {
  private CifarFixtures() {}

  /** Pixel byte of record {@code r} of a file with seed {@code s} at position {@code i} of the 3,072: a known function. */
  static int pixel(int s, int r, int i) {
    return (s * 101 + r * 37 + i * 7 + (i >> 10) * 55) & 0xff;
  }

  /** One CIFAR-100 record: coarse, fine, pixels from {@link #pixel}. */
  static byte[] record100(int coarse, int fine, int s, int r) {
    byte[] rec = new byte[2 + CifarFormat.PIXELS];
    rec[0] = (byte) coarse;
    rec[1] = (byte) fine;
    for (int i = 0; i < CifarFormat.PIXELS; i++) {
      rec[2 + i] = (byte) pixel(s, r, i);
    }
    return rec;
  }

  static byte[] record10(int label, int s, int r) {
    byte[] rec = new byte[1 + CifarFormat.PIXELS];
    rec[0] = (byte) label;
    for (int i = 0; i < CifarFormat.PIXELS; i++) {
      rec[1 + i] = (byte) pixel(s, r, i);
    }
    return rec;
  }

  static byte[] concat(List<byte[]> parts) {
    int total = parts.stream().mapToInt(b -> b.length).sum();
    byte[] out = new byte[total];
    int at = 0;
    for (byte[] b : parts) {
      System.arraycopy(b, 0, out, at, b.length);
      at += b.length;
    }
    return out;
  }

  /** Fine label of record r: r mod 100 for train (seed 1), (r * 3) mod 100 for test (seed 2); coarse = fine / 5. */
  static int fine(int s, int r) {
    return s == 1 ? r % 100 : (r * 3) % 100;
  }

  static byte[] bin100(int s, int records) {
    List<byte[]> recs = new ArrayList<>();
    for (int r = 0; r < records; r++) {
      recs.add(record100(fine(s, r) / 5, fine(s, r), s, r));
    }
    return concat(recs);
  }

  static String names(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.joining("\n", "", "\n"));
  }

  /** The files of a small CIFAR-100 release: train 300 records, test 200 records. */
  static Map<String, byte[]> cifar100Files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("cifar-100-binary/coarse_label_names.txt", names("coarse", 20).getBytes(StandardCharsets.UTF_8));
    files.put("cifar-100-binary/fine_label_names.txt", names("fine", 100).getBytes(StandardCharsets.UTF_8));
    files.put("cifar-100-binary/train.bin", bin100(1, 300));
    files.put("cifar-100-binary/test.bin", bin100(2, 200));
    return files;
  }

  static final CifarFormat SMALL100 = CifarFormat.CIFAR100.withRecords(300, 200);

  static Path writeFolder(Path dir, Map<String, byte[]> files) throws IOException {
    for (var e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
    return dir;
  }

  /** A tar.gz of the files, plus optional extra raw entries. */
  static Path writeTarGz(Path file, Map<String, byte[]> files, List<TarArchiveEntry> extra) throws IOException {
    try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (TarArchiveEntry e : extra) {
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
      }
      for (var e : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  static TarArchiveEntry symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    return e;
  }

  static TarArchiveEntry hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
    e.setLinkName(target);
    return e;
  }

  /** An empty regular-file entry with a raw name (e.g. {@code ../evil}), bypassing no checks of the writer. */
  static TarArchiveEntry file(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(0);
    return e;
  }
}
