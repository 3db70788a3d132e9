package io.github.sibench.datasets.images;

/** Which check a loaded dataset's bytes passed before use. */
public enum SourceCheck {
  /** File sizes and record layout (sizes, record count, label ranges, names files); no checksum. */
  LAYOUT("LAYOUT"),
  /** The SHA-256 the user gave matched the archive, plus the layout check. */
  SHA256_USER("SHA256(user)"),
  /** The official MD5 matched the downloaded (or cached downloaded) archive, plus the layout check. */
  MD5_OFFICIAL_DOWNLOAD("MD5(official download)");

  private final String label;

  SourceCheck(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
