package io.github.sibench.benchmark.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The image data of a run's image stage and where it comes from, tried in order: {@code path} when given
 * (it must exist); else the first of {@code searchPaths} that exists (missing ones are skipped: a profile
 * lists where a local copy usually lives); else the cache folder {@code cache}; else, when
 * {@code download} is on, the official URL (CIFAR only; the published MD5 is checked). Every local copy is
 * checked by size and record layout, and by SHA-256 when {@code sha256} is given; the check made is
 * recorded in {@code dataset.json}.
 *
 * @param format {@code cifar-100}, {@code cifar-10} or {@code folder}
 * @param path the user's archive or folder, or null
 * @param sha256 the SHA-256 the user expects of the archive at {@code path}, or null
 * @param searchPaths candidate locations tried when {@code path} is null
 * @param cache the cache folder, or null for {@code $SIBENCH_DATA_CACHE} or {@code ~/.cache/sibench/datasets}
 * @param download whether a CIFAR archive missing from every local place may be downloaded
 * @param classes class indices to keep (fine or coarse, per {@code labels}); empty keeps all
 * @param perClassLimit images kept per class and split (the first ones in file order); 0 keeps all
 * @param downsample2x whether to 2x2 average-pool (CIFAR's 32x32 becomes 16x16)
 * @param labels {@code fine} or {@code coarse} (CIFAR-100's superclasses)
 */
public record ImageDatasetConfig(ImageFormat format, String path, String sha256, List<String> searchPaths, String cache,
        boolean download, List<Integer> classes, int perClassLimit, boolean downsample2x, String labels) {

    public ImageDatasetConfig {
        if (format == null) {
            throw new IllegalArgumentException("images.dataset.format is required: cifar-100, cifar-10 or folder");
        }
        checkPath("images.dataset.path", path);
        checkPath("images.dataset.cache", cache);
        if (searchPaths != null && searchPaths.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("images.dataset.searchPaths must not contain null: " + searchPaths);
        }
        searchPaths = searchPaths == null ? List.of() : List.copyOf(searchPaths);
        for (String p : searchPaths) {
            checkPath("images.dataset.searchPaths", p);
        }
        if (sha256 != null && !sha256.matches("(?i)[0-9a-f]{64}")) {
            throw new IllegalArgumentException("images.dataset.sha256 must be 64 hex digits (a SHA-256), got '" + sha256 + "'");
        }
        if (sha256 != null && path == null) {
            throw new IllegalArgumentException("images.dataset.sha256 is the checksum of images.dataset.path; give the path too");
        }
        if (format == ImageFormat.FOLDER && path == null && searchPaths.isEmpty()) {
            throw new IllegalArgumentException("images.dataset.path is required for format folder (a folder <split>/<class>/<image>)");
        }
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (classes.stream().anyMatch(c -> c == null || c < 0)) {
            throw new IllegalArgumentException("images.dataset.classes must list class indices >= 0, got " + classes);
        }
        if (perClassLimit < 0) {
            throw new IllegalArgumentException("images.dataset.perClassLimit must be >= 0 (0: all images), got " + perClassLimit);
        }
        if (!"fine".equals(labels) && !"coarse".equals(labels)) {
            throw new IllegalArgumentException("images.dataset.labels must be fine or coarse, got " + labels);
        }
        if ("coarse".equals(labels) && format != ImageFormat.CIFAR100) {
            throw new IllegalArgumentException("images.dataset.labels: coarse labels exist only in cifar-100");
        }
    }

    private static void checkPath(String field, String p) {
        if (p == null) {
            return;
        }
        if (p.isBlank()) {
            throw new IllegalArgumentException(field + " is blank; give a path or leave it out");
        }
        try {
            Path.of(p);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(field + ": '" + p + "' is not a valid path here (" + e.getReason() + ")");
        }
    }
}
