package io.github.sibench.datasets.images;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches a URL into a file. Injectable so tests never touch the network: any {@link IOException} is
 * reported as "no network".
 */
@FunctionalInterface
public interface Downloader {
  void download(URI url, Path target) throws IOException;

  /** A plain JDK HTTP GET following redirects. */
  static Downloader http() {
    return (url, target) -> {
      HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(20)).build();
      try {
        HttpResponse<Path> response = client.send(HttpRequest.newBuilder(url).GET().build(),
            HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    };
  }

  /** A machine without network: every download fails. */
  static Downloader offline() {
    return (url, target) -> {
      throw new IOException("offline");
    };
  }
}
