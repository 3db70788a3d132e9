package io.github.sibench.datasets.images;

import static io.github.sibench.datasets.images.CifarFixtures.SMALL100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarSourceTest {
  @TempDir Path tmp;

  private static final URI URL = URI.create("https://example.invalid/cifar-100-binary.tar.gz");

  private Path archive() throws IOException {
    return CifarFixtures.writeTarGz(tmp.resolve("src.tar.gz"), CifarFixtures.cifar100Files(), List.of());
  }

  private static Downloader copying(Path from, AtomicInteger calls) {
    return (url, target) -> {
      calls.incrementAndGet();
      Files.copy(from, target);
    };
  }

  private static Downloader forbidden() {
    return (url, target) -> {
      throw new AssertionError("the downloader must not be called");
    };
  }

  private static void assertOneLine(ImageDataException e, String... parts) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void userPathIsCheckedByLayoutOrByTheUsersSha256() throws Exception {
    Path a = archive();
    String sha = CifarSource.digest(a, "SHA-256");
    Path cache = tmp.resolve("cache");
    ImageDataset layout = new CifarSource(Optional.of(a), Optional.empty(), cache, forbidden()).load(SMALL100, ImageOptions.all());
    assertEquals(SourceCheck.LAYOUT, layout.check());
    assertEquals("LAYOUT", layout.check().toString());
    ImageDataset checked = new CifarSource(Optional.of(a), Optional.of(sha.toUpperCase()), cache, forbidden())
        .load(SMALL100, ImageOptions.all());
    assertEquals(SourceCheck.SHA256_USER, checked.check());
    assertEquals("SHA256(user)", checked.check().toString());
    assertEquals(300, checked.split(Split.TRAIN).n());

    String wrong = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);
    assertOneLine(assertThrows(ImageDataException.class,
        () -> new CifarSource(Optional.of(a), Optional.of(wrong), cache, forbidden()).load(SMALL100, ImageOptions.all())),
        "SHA-256", sha, wrong);
    Path missing = tmp.resolve("nope.tar.gz");
    assertOneLine(assertThrows(ImageDataException.class,
        () -> new CifarSource(Optional.of(missing), Optional.empty(), cache, forbidden()).load(SMALL100, ImageOptions.all())),
        "no file or folder", missing.toString(), "pass the path");
    assertThrows(IllegalArgumentException.class,
        () -> new CifarSource(Optional.of(a), Optional.of("abc"), cache, forbidden()));
  }

  @Test
  void cacheComesBeforeTheNetworkArchiveFirstThenFolder() throws Exception {
    Path a = archive();
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    CifarFixtures.writeFolder(cache, CifarFixtures.cifar100Files());
    CifarSource source = CifarSource.cached(cache, forbidden());
    assertEquals(SourceCheck.LAYOUT, source.load(SMALL100, ImageOptions.all()).check());
    // an archive in the cache is used before the folder: the official MD5 (here, the fixture's) marks it
    Files.copy(a, cache.resolve("cifar-100-binary.tar.gz"));
    CifarFormat official = SMALL100.withOfficial(URL, CifarSource.digest(a, "MD5"));
    assertEquals(SourceCheck.MD5_OFFICIAL_DOWNLOAD, source.load(official, ImageOptions.all()).check());
    assertEquals(SourceCheck.LAYOUT, source.load(SMALL100, ImageOptions.all()).check());
  }

  @Test
  void downloadWithTheOfficialMd5IsUsedAndCached() throws Exception {
    Path a = archive();
    Path cache = tmp.resolve("cache");
    CifarFormat official = SMALL100.withOfficial(URL, CifarSource.digest(a, "MD5"));
    AtomicInteger calls = new AtomicInteger();
    ImageDataset data = CifarSource.cached(cache, copying(a, calls)).load(official, ImageOptions.all());
    assertEquals(SourceCheck.MD5_OFFICIAL_DOWNLOAD, data.check());
    assertEquals("MD5(official download)", data.check().toString());
    assertEquals(200, data.split(Split.TEST).n());
    assertEquals(1, calls.get());
    assertTrue(Files.isRegularFile(cache.resolve("cifar-100-binary.tar.gz")));
    ImageDataset again = CifarSource.cached(cache, copying(a, calls)).load(official, ImageOptions.all());
    assertEquals(1, calls.get());
    assertEquals(SourceCheck.MD5_OFFICIAL_DOWNLOAD, again.check());
  }

  @Test
  void downloadWithAnotherMd5IsRejectedAndDiscarded() throws Exception {
    Path a = archive();
    Path cache = tmp.resolve("cache");
    CifarFormat official = SMALL100.withOfficial(URL, "03b5dce01913d631647c71ecec9e9cb8");
    ImageDataException e = assertThrows(ImageDataException.class,
        () -> CifarSource.cached(cache, copying(a, new AtomicInteger())).load(official, ImageOptions.all()));
    assertOneLine(e, "MD5", CifarSource.digest(a, "MD5"), "03b5dce01913d631647c71ecec9e9cb8", URL.toString());
    try (var files = Files.list(cache)) {
      assertEquals(0, files.count(), "nothing may stay in the cache");
    }
  }

  @Test
  void offlineIsAOneLineNoNetworkErrorNamingTheUrl() {
    Path cache = tmp.resolve("cache");
    ImageDataException e = assertThrows(ImageDataException.class,
        () -> CifarSource.cached(cache, Downloader.offline()).load(CifarFormat.CIFAR100, ImageOptions.all()));
    assertOneLine(e, "no network", "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz", "pass the path");
  }

  @Test
  void officialConstantsAreThePublishedOnes() {
    assertEquals("03b5dce01913d631647c71ecec9e9cb8", CifarFormat.CIFAR100.md5());
    assertEquals(URI.create("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz"), CifarFormat.CIFAR100.url());
    assertEquals(2 + 3072, CifarFormat.CIFAR100.recordBytes());
    assertEquals(1 + 3072, CifarFormat.CIFAR10.recordBytes());
  }
}
