package io.github.sibench.benchmark.metrics;

import io.github.sibench.benchmark.images.ImageMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a numeric column of {@code results.csv} means, for readers and reports (the metric registry): which
 * direction is better ({@code lower}, {@code higher}, {@code zero}: closest to 0, or {@code none}: a
 * description of the run, not a score), the space it is measured in, and a one-line description. Written
 * as {@code columns.json} beside the results; the agreement matrix ({@code Agreement}) and the report read it.
 *
 * @param direction {@code lower}, {@code higher}, {@code zero} or {@code none}
 * @param space where the column is measured: {@value #PLANE} (the toy's 2D plane, after projecting), {@value
 *     #AMBIENT} (the toy's ambient space), {@value #FEATURES} (the features or classes of the suite's image
 *     classifier), {@value #INCEPTION} (Inception pool features), or {@value #RUN} (a cost or size of the run,
 *     not a measurement of samples)
 * @param description one line
 * @param score whether the column scores the samples (false for a run's cost or size: steps, NFE, times,
 *     and for the training loss, each model's own objective)
 */
public record ColumnInfo(String direction, String space, String description, boolean score) {

    public static final String PLANE = "plane";
    public static final String AMBIENT = "ambient";
    public static final String FEATURES = "features";
    public static final String INCEPTION = "inception";
    public static final String RUN = "run";

    private static final Map<String, ColumnInfo> KNOWN = new LinkedHashMap<>();

    /** Columns that describe a run's cost or size, not the quality of its samples. */
    private static final Set<String> COST = Set.of("steps", "nfe", "ambient_dim", "n_train",
            "train_steps", "train_seconds", "steps_per_second", "sample_seconds", "final_loss", "guidance_weight");

    private static void put(String column, String direction, String space, String description) {
        KNOWN.put(column, new ColumnInfo(direction, space, description, !COST.contains(column)
                && !direction.equals("none")));
    }

    static {
        put("steps", "none", RUN, "sampler steps (fixed-step samplers)");
        put("nfe", "lower", RUN, "network evaluations per generated batch");
        put("ambient_dim", "none", RUN, "values per data point (toy ambient dimension, or pixels per image)");
        put("n_train", "none", RUN, "training points or images");
        put("guidance_weight", "none", RUN, "classifier-free guidance weight w (labelled settings)");
        put("train_steps", "none", RUN, "optimiser steps taken");
        put("train_seconds", "lower", RUN, "wall time of training");
        put("steps_per_second", "higher", RUN, "training steps per second");
        put("sample_seconds", "lower", RUN, "wall time of generating the samples");
        put("final_loss", "none", RUN, "training loss at the last step (each model's own objective: not comparable"
                + " across models)");
        put("fid_y", "lower", PLANE, "Frechet distance between the generated points' mean/covariance in the plane and"
                + " the exact ones");
        put("fid_y_ci_low", "none", PLANE, "lower end of the 95% bias-corrected bootstrap interval of fid_y over the"
                + " generated points");
        put("fid_y_ci_high", "none", PLANE, "upper end of that interval");
        put("sliced_w2_y", "lower", PLANE, "sliced Wasserstein-2 distance to the exact distribution in the plane");
        put("nll_y", "lower", PLANE, "mean of -log p(y) under the exact density");
        put("nll_y_median", "lower", PLANE, "median of -log p(y) under the exact density");
        put("low_density_frac", "lower", PLANE, "fraction of points with exact density below 1e-3");
        put("off_manifold", "lower", AMBIENT, "mean distance of the ambient samples to the data's plane, over sqrt(d)");
        put("mass_tv", "lower", PLANE, "total variation between the class frequencies (off-support as one more"
                + " outcome) and the true class weights");
        put("off_support", "lower", PLANE, "fraction of points far from every mixture component");
        put("knn_precision", "higher", PLANE, "k-NN precision (k = 3, Kynkaanniemi et al. 2019): fraction of points inside"
                + " the 3-NN balls of as many fresh true points");
        put("knn_recall", "higher", PLANE, "k-NN recall (k = 3): fraction of fresh true points inside the 3-NN balls of"
                + " the generated points");
        put("mmd_s0p1", "lower", PLANE, "unbiased squared MMD to fresh true points, Gaussian kernel of bandwidth 0.1"
                + " (fine structure)");
        put("mmd_s0p3", "lower", PLANE, "unbiased squared MMD to fresh true points, Gaussian kernel of bandwidth 0.3"
                + " (cluster shape)");
        put("mmd_s1", "lower", PLANE, "unbiased squared MMD to fresh true points, Gaussian kernel of bandwidth 1"
                + " (cluster placement)");
        put("component_coverage", "higher", PLANE, "total weight of the mixture components that receive at least one"
                + " point (nearest component mean)");
        put("cluster_coverage", "higher", PLANE, "fraction of the classes that receive at least half their true weight");
        ImageMetrics.columnDescriptions().forEach((column, description) -> put(column,
                column.startsWith("class_hit") ? "higher" : column.contains("_ci_") || column.endsWith("_std")
                        || column.endsWith("_real") ? "none" : "lower", FEATURES, description));
        put("inception_fid", "lower", INCEPTION, "FID: Frechet distance of Inception pool features (the user's TorchScript"
                + " Inception file), generated vs test split");
        put("inception_fid_real", "none", INCEPTION, "inception_fid of as many real training images: the floor at this n");
        put("classifier_accuracy", "none", FEATURES, "test accuracy of the feature classifier behind the image metrics");
    }

    /** The description of each of {@code columns} that is known, in their order; per-class columns included. */
    public static Map<String, ColumnInfo> of(List<String> columns) {
        Map<String, ColumnInfo> out = new LinkedHashMap<>();
        for (String column : columns) {
            ColumnInfo info = KNOWN.get(column);
            if (info == null) {
                info = perClass(column);
            }
            if (info != null) {
                out.put(column, info);
            }
        }
        return out;
    }

    private static ColumnInfo perClass(String column) {
        int at = column.lastIndexOf("_c");
        if (at < 0 || !column.substring(at + 2).matches("\\d+")) {
            return null;
        }
        String k = column.substring(at + 2);
        return switch (column.substring(0, at)) {
            case "mass_err" -> new ColumnInfo("zero", PLANE, "fraction of points assigned to class " + k
                    + " minus its true weight", true);
            case "class_hit" -> new ColumnInfo("higher", PLANE, "fraction of the points generated for class " + k
                    + " that land in class " + k, true);
            case "fid_y" -> new ColumnInfo("lower", PLANE, "FID-Y of the points generated for class " + k
                    + " against class " + k + "'s exact moments", true);
            default -> null;
        };
    }
}
