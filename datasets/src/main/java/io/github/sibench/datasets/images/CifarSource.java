package io.github.sibench.datasets.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Where CIFAR data comes from, tried in order: (1) {@code path}, the user's archive or extracted folder,
 * checked by layout, or by SHA-256 too when {@code sha256} is given; (2) {@code cacheDir}, holding the
 * archive or its extracted folder (an archive whose MD5 is the official one reports
 * {@link SourceCheck#MD5_OFFICIAL_DOWNLOAD}, anything else {@link SourceCheck#LAYOUT}); (3) the official URL
 * through {@code downloader}, accepted only when its MD5 is the published one, then kept in the cache.
 *
 * @param path the user's file or folder, if any
 * @param sha256 the SHA-256 (hex) the user expects of {@code path}, if any
 * @param cacheDir the cache folder
 * @param downloader how to fetch the official URL
 */
public record CifarSource(Optional<Path> path, Optional<String> sha256, Path cacheDir, Downloader downloader) {
  public CifarSource {
    if (path == null || sha256 == null || cacheDir == null || downloader == null) {
      throw new IllegalArgumentException("CifarSource: null field; use Optional.empty() for absent values");
    }
    if (sha256.isPresent() && !sha256.get().matches("(?i)[0-9a-f]{64}")) {
      throw new IllegalArgumentException("CifarSource.sha256: '" + sha256.get() + "' is not 64 hex digits; pass a SHA-256");
    }
    if (sha256.isPresent() && path.isEmpty()) {
      throw new IllegalArgumentException("CifarSource.sha256: given without a path; pass the file it belongs to");
    }
  }

  /** The default cache: {@code $SIBENCH_DATA_CACHE}, else {@code ~/.cache/sibench/datasets}. */
  public static Path defaultCache() {
    String env = System.getenv("SIBENCH_DATA_CACHE");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "sibench", "datasets");
  }

  /** The user's file or folder, layout check. */
  public static CifarSource ofPath(Path path) {
    return new CifarSource(Optional.of(path), Optional.empty(), defaultCache(), Downloader.offline());
  }

  /** The user's archive with the SHA-256 they expect. */
  public static CifarSource ofPath(Path path, String sha256) {
    return new CifarSource(Optional.of(path), Optional.of(sha256), defaultCache(), Downloader.offline());
  }

  /** Cache first, then download. */
  public static CifarSource cached(Path cacheDir, Downloader downloader) {
    return new CifarSource(Optional.empty(), Optional.empty(), cacheDir, downloader);
  }

  /** Loads a dataset of this format from the first source that exists. */
  public ImageDataset load(CifarFormat format, ImageOptions options) {
    if (path.isPresent()) {
      Path p = path.get();
      if (!Files.exists(p)) {
        throw new ImageDataException(format.name() + ": no file or folder at " + p + "; pass the path of "
            + format.archiveName() + " or its extracted folder");
      }
      if (sha256.isPresent()) {
        if (!Files.isRegularFile(p)) {
          throw new ImageDataException(format.name() + ": a SHA-256 applies to the archive file, but " + p
              + " is a folder; pass the archive or drop the checksum");
        }
        String actual = digest(p, "SHA-256");
        if (!actual.equalsIgnoreCase(sha256.get())) {
          throw new ImageDataException(format.name() + ": SHA-256 of " + p + " is " + actual + ", expected "
              + sha256.get().toLowerCase(Locale.ROOT) + "; the copy differs, fetch it again or fix the checksum");
        }
        return CifarBinary.read(format, p, options, SourceCheck.SHA256_USER);
      }
      return CifarBinary.read(format, p, options, SourceCheck.LAYOUT);
    }
    Path archive = cacheDir.resolve(format.archiveName());
    if (Files.isRegularFile(archive)) {
      SourceCheck check = digest(archive, "MD5").equalsIgnoreCase(format.md5())
          ? SourceCheck.MD5_OFFICIAL_DOWNLOAD : SourceCheck.LAYOUT;
      return CifarBinary.read(format, archive, options, check);
    }
    Path folder = cacheDir.resolve(format.folderName());
    if (Files.isDirectory(folder)) {
      return CifarBinary.read(format, folder, options, SourceCheck.LAYOUT);
    }
    return CifarBinary.read(format, download(format), options, SourceCheck.MD5_OFFICIAL_DOWNLOAD);
  }

  private Path download(CifarFormat format) {
    Path target = cacheDir.resolve(format.archiveName());
    Path partial = cacheDir.resolve(format.archiveName() + ".part");
    try {
      Files.createDirectories(cacheDir);
    } catch (IOException e) {
      throw new ImageDataException(format.name() + ": cannot create cache folder " + cacheDir + " (" + e
          + "); pass a writable cache folder or a path to the data");
    }
    try {
      downloader.download(format.url(), partial);
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new ImageDataException(format.name() + ": not in " + cacheDir + " and no network to download "
          + format.url() + " (" + e.getMessage() + "); pass the path of a local copy of " + format.archiveName()
          + " or its extracted folder");
    }
    String md5 = digest(partial, "MD5");
    if (!md5.equalsIgnoreCase(format.md5())) {
      deleteQuietly(partial);
      throw new ImageDataException(format.name() + ": download of " + format.url() + " has MD5 " + md5
          + ", expected the published " + format.md5() + "; it was discarded, retry or pass the path of a local copy");
    }
    try {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ImageDataException(format.name() + ": cannot move the download into " + target + " (" + e
          + "); check the cache folder's permissions");
    }
    return target;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a leftover .part file is never read
    }
  }

  /** Hex digest of a file. */
  static String digest(Path file, String algorithm) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new ImageDataException("cannot read " + file + " to checksum it (" + e + "); check the file");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
