/**
 * The image outputs of a run: {@link io.github.sibench.reports.images.Pixels} quantizes generated images to
 * bytes before they are measured (so every metric can be recomputed from the written files),
 * {@link io.github.sibench.reports.images.ImageGrid} writes PNG grids of samples and of samples per class, and
 * {@link io.github.sibench.reports.images.CifarRecords} writes and reads the samples in the CIFAR-10 binary
 * record layout. Every file is written atomically.
 */
package io.github.sibench.reports.images;
