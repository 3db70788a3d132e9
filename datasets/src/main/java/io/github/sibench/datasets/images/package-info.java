/**
 * Image datasets for CPU-sized runs: CIFAR-100 and CIFAR-10 binary releases (Krizhevsky, 2009, "Learning
 * Multiple Layers of Features from Tiny Images") and the generic {@code <split>/<class>/<image>} folder.
 *
 * <p>Entry points: {@link io.github.sibench.datasets.images.CifarSource#load} with
 * {@link io.github.sibench.datasets.images.CifarFormat#CIFAR100} or {@code CIFAR10}, and
 * {@link io.github.sibench.datasets.images.ImageFolder#load} / {@code loadArchive}. All return an
 * {@link io.github.sibench.datasets.images.ImageDataset} whose {@code split(Split)} is an
 * {@link io.github.sibench.datasets.images.ImageSet}: NCHW floats {@code p / 127.5 - 1} in [-1, 1], int
 * labels, class names. {@link io.github.sibench.datasets.images.ImageOptions} (class subset, per-class limit,
 * 2x2 average pooling, fine or coarse labels) is applied while records stream, and selection is the first k
 * per class in file order (no random draw). Failures are {@link
 * io.github.sibench.datasets.images.ImageDataException}s with one-line messages.
 */
package io.github.sibench.datasets.images;
