package io.github.sibench.datasets.images;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the images the options select while records stream in, as bytes (1 B per pixel), and turns them
 * into an {@link ImageSet} of floats at the end.
 */
final class Collector {
  private final int numClasses;
  private final ImageOptions options;
  private final int channels;
  private final int height;
  private final int width;
  private final int[] newLabel;
  private final int[] kept;
  private byte[] bytes = new byte[0];
  private int[] labels = new int[0];
  private int n;

  Collector(String dataset, int numClasses, ImageOptions options, int channels, int height, int width) {
    this.numClasses = numClasses;
    this.options = options;
    this.channels = channels;
    this.height = height;
    this.width = width;
    if (options.downsample2x() && (height % 2 != 0 || width % 2 != 0)) {
      throw new ImageDataException(dataset + ": images are " + height + "x" + width
          + ", odd sizes cannot be 2x downsampled; set downsample2x=false");
    }
    newLabel = new int[numClasses];
    if (options.classes().isEmpty()) {
      for (int c = 0; c < numClasses; c++) {
        newLabel[c] = c;
      }
    } else {
      Arrays.fill(newLabel, -1);
      int next = 0;
      for (int c : options.classes()) {
        if (c >= numClasses) {
          throw new ImageDataException(dataset + ": class subset " + options.classes() + " has " + c + ", but the "
              + options.labels() + " labels run 0.." + (numClasses - 1) + "; pick classes below " + numClasses);
        }
        newLabel[c] = next++;
      }
    }
    kept = new int[numClasses];
  }

  /** Whether an image with this original label would be kept (so the caller may skip decoding it). */
  boolean wants(int label) {
    return newLabel[label] >= 0 && (options.perClassLimit() == 0 || kept[label] < options.perClassLimit());
  }

  /** Offers an image (CHW bytes starting at {@code offset}); keeps it if selected. */
  void offer(int label, byte[] chw, int offset) {
    if (!wants(label)) {
      return;
    }
    int size = channels * height * width;
    if ((long) (n + 1) * size > Integer.MAX_VALUE - 8) {
      throw new ImageDataException("too many images kept (" + n + "); use a class subset or a per-class limit");
    }
    if ((n + 1) * size > bytes.length) {
      int cap = Math.max(16, n * 2);
      bytes = Arrays.copyOf(bytes, (int) Math.min((long) cap * size, Integer.MAX_VALUE - 8L));
      labels = Arrays.copyOf(labels, cap);
    }
    System.arraycopy(chw, offset, bytes, n * size, size);
    labels[n] = newLabel[label];
    kept[label]++;
    n++;
  }

  /** Class names of the kept classes, in label order. */
  List<String> keptNames(List<String> allNames) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < numClasses; c++) {
      if (newLabel[c] >= 0) {
        names.add(allNames.get(c));
      }
    }
    return names;
  }

  /** The kept images as floats p / 127.5 - 1, 2x2 average-pooled first if asked. */
  ImageSet build(List<String> allNames) {
    int h = options.downsample2x() ? height / 2 : height;
    int w = options.downsample2x() ? width / 2 : width;
    float[] pixels = new float[n * channels * h * w];
    if (!options.downsample2x()) {
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (bytes[i] & 0xff) / 127.5f - 1f;
      }
    } else {
      int out = 0;
      for (int plane = 0; plane < n * channels; plane++) {
        int base = plane * height * width;
        for (int y = 0; y < h; y++) {
          int r0 = base + 2 * y * width;
          int r1 = r0 + width;
          for (int x = 0; x < w; x++) {
            int sum = (bytes[r0 + 2 * x] & 0xff) + (bytes[r0 + 2 * x + 1] & 0xff)
                + (bytes[r1 + 2 * x] & 0xff) + (bytes[r1 + 2 * x + 1] & 0xff);
            pixels[out++] = sum / 510f - 1f;
          }
        }
      }
    }
    return new ImageSet(n, channels, h, w, pixels, Arrays.copyOf(labels, n), keptNames(allNames));
  }
}
