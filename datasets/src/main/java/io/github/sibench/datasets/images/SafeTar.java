package io.github.sibench.datasets.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Streams the regular files of a tar or tar.gz archive (Apache Commons Compress), refusing any entry that is
 * a symbolic or hard link, or whose name would escape the folder the archive is read into ({@code ../},
 * absolute names). Nothing is written to disk.
 */
final class SafeTar {
  /** Receives one regular file: its normalised name, its declared size, and its bytes (do not close). */
  interface FileHandler {
    void accept(String name, long size, InputStream in) throws IOException;
  }

  private SafeTar() {}

  static void forEachFile(Path archive, FileHandler handler) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      InputStream body = gzip ? new GzipCompressorInputStream(raw, true) : raw;
      try (TarArchiveInputStream tar = new TarArchiveInputStream(body)) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          String name = checkedName(archive, entry);
          if (entry.isDirectory() || !entry.isFile()) {
            continue;
          }
          handler.accept(name, entry.getSize(), tar);
        }
      }
    } catch (NoSuchFileException e) {
      throw new ImageDataException("archive " + archive + " does not exist; pass the path of an existing file");
    } catch (IOException e) {
      throw new ImageDataException("archive " + archive + " cannot be read (" + e + "); re-download it or pass another copy", e);
    }
  }

  /** The entry's name, normalised, after refusing links and names that escape the target folder. */
  static String checkedName(Path archive, TarArchiveEntry entry) {
    String name = entry.getName();
    if (entry.isSymbolicLink() || entry.isLink()) {
      throw new ImageDataException("archive " + archive + ": entry '" + name + "' is a "
          + (entry.isSymbolicLink() ? "symbolic" : "hard") + " link to '" + entry.getLinkName()
          + "'; links are refused, use an archive of plain files");
    }
    String slashed = name.replace('\\', '/');
    Path root = Path.of("/target");
    Path resolved = root.resolve(slashed.startsWith("/") ? "/" + slashed : slashed).normalize();
    if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || !resolved.startsWith(root)
        || resolved.equals(root) && !entry.isDirectory()) {
      throw new ImageDataException("archive " + archive + ": entry '" + name
          + "' would escape the target folder; refused, use an archive with relative names without '..'");
    }
    return root.relativize(resolved).toString().replace('\\', '/');
  }
}
