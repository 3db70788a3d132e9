package io.github.sibench.datasets.plane;

import java.util.Objects;

/**
 * Exact first and second moments of a 2D distribution: its mean and covariance.
 *
 * @param mean the mean {@code E[Y]}
 * @param covariance the covariance {@code E[(Y - mean)(Y - mean)^T]}
 */
public record Moments2D(Vec2 mean, Covariance2D covariance) {

    /** Validates that both parts are present. */
    public Moments2D {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(covariance, "covariance");
    }
}
