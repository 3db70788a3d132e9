package io.github.sibench.datasets.images;

/** Which label an image carries: its fine class (every dataset) or its coarse superclass (CIFAR-100 only). */
public enum LabelKind {
  FINE,
  COARSE
}
