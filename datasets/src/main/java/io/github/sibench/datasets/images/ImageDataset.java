package io.github.sibench.datasets.images;

import java.util.List;

/**
 * An image dataset loaded under some {@link ImageOptions}: its class names (after the class subset), the
 * check its source passed, and its splits as {@link ImageSet}s.
 */
public interface ImageDataset {
  /** Human-readable name, e.g. {@code CIFAR-100}. */
  String name();

  /** Class names indexed by the labels of {@link #split}. */
  List<String> classNames();

  /** Which check the source passed. */
  SourceCheck check();

  /** The images of one split; throws {@link ImageDataException} when the source has no such split. */
  ImageSet split(Split split);
}
