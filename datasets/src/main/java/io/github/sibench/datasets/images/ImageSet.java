package io.github.sibench.datasets.images;

import java.util.List;

/**
 * A batch of images in NCHW layout: {@code pixels[((i * channels + c) * height + y) * width + x]}, scaled
 * from bytes p in [0, 255] to {@code p / 127.5 - 1} in [-1, 1] (after any 2x2 average pooling, which
 * averages the four bytes first). {@code labels[i]} indexes {@code classNames}.
 */
public record ImageSet(int n, int channels, int height, int width, float[] pixels, int[] labels,
    List<String> classNames) {
  public ImageSet {
    if (n < 0 || channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException("ImageSet: n=" + n + ", channels=" + channels + ", height=" + height
          + ", width=" + width + " must be n >= 0 and positive sizes; build it from a loader");
    }
    if (pixels.length != (long) n * channels * height * width) {
      throw new IllegalArgumentException("ImageSet.pixels: length " + pixels.length + " is not n*c*h*w = "
          + (long) n * channels * height * width + "; pass one value per pixel");
    }
    if (labels.length != n) {
      throw new IllegalArgumentException("ImageSet.labels: length " + labels.length + " is not n = " + n
          + "; pass one label per image");
    }
    classNames = List.copyOf(classNames);
    for (int label : labels) {
      if (label < 0 || label >= classNames.size()) {
        throw new IllegalArgumentException("ImageSet.labels: " + label + " is outside 0.."
            + (classNames.size() - 1) + "; labels index classNames");
      }
    }
  }

  /** Values per image, channels * height * width. */
  public int imageSize() {
    return channels * height * width;
  }

  /** The scaled value of one pixel. */
  public float pixel(int i, int c, int y, int x) {
    return pixels[((i * channels + c) * height + y) * width + x];
  }

  /** Number of images of each label. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }
}
