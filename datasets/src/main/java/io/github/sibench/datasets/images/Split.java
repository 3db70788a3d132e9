package io.github.sibench.datasets.images;

/** The two splits of an image dataset; {@link #dirName()} is the folder name in the image-folder layout. */
public enum Split {
  TRAIN,
  TEST;

  public String dirName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
