package io.github.sibench.datasets.images;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Sizing knobs for CPU runs, applied while records stream in so only kept images are stored.
 *
 * <p>Selection is deterministic, with no random draw: the kept images of a class are its first
 * {@code perClassLimit} images in file order (CIFAR binaries: record order; image folders: file names
 * sorted; tar archives: entry order). With a class subset, labels are renumbered 0..k-1 in increasing order
 * of the original class index, and {@link ImageDataset#classNames()} lists the kept classes in that order.
 *
 * @param classes original class indices to keep (of the {@link #labels} kind); empty keeps every class
 * @param perClassLimit images kept per class and split; 0 keeps them all
 * @param downsample2x whether to 2x2 average-pool (32x32 becomes 16x16)
 * @param labels fine classes, or CIFAR-100's coarse superclasses
 */
public record ImageOptions(List<Integer> classes, int perClassLimit, boolean downsample2x, LabelKind labels) {
  public ImageOptions {
    if (classes == null) {
      throw new IllegalArgumentException("ImageOptions.classes: null; pass an empty list to keep every class");
    }
    List<Integer> sorted = new ArrayList<>(classes);
    if (new HashSet<>(sorted).size() != sorted.size()) {
      throw new IllegalArgumentException("ImageOptions.classes: " + classes + " has duplicates; list each class once");
    }
    for (Integer c : sorted) {
      if (c == null || c < 0) {
        throw new IllegalArgumentException("ImageOptions.classes: " + c + " is not a class index; use indices >= 0");
      }
    }
    sorted.sort(null);
    classes = List.copyOf(sorted);
    if (perClassLimit < 0) {
      throw new IllegalArgumentException("ImageOptions.perClassLimit: " + perClassLimit
          + " is negative; use 0 for no limit or a positive count");
    }
    if (labels == null) {
      throw new IllegalArgumentException("ImageOptions.labels: null; pass LabelKind.FINE or LabelKind.COARSE");
    }
  }

  /** Every class, every image, full resolution, fine labels. */
  public static ImageOptions all() {
    return new ImageOptions(List.of(), 0, false, LabelKind.FINE);
  }

  public ImageOptions withClasses(List<Integer> keep) {
    return new ImageOptions(keep, perClassLimit, downsample2x, labels);
  }

  public ImageOptions withPerClassLimit(int limit) {
    return new ImageOptions(classes, limit, downsample2x, labels);
  }

  public ImageOptions withDownsample2x(boolean on) {
    return new ImageOptions(classes, perClassLimit, on, labels);
  }

  public ImageOptions withLabels(LabelKind kind) {
    return new ImageOptions(classes, perClassLimit, downsample2x, kind);
  }
}
