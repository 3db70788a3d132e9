package io.github.sibench.datasets.plane;

import io.github.sibench.core.stats.Gaussian2;

/**
 * A 2D distribution written as a finite Gaussian mixture {@code sum_k w_k N(m_k, S_k)}, component by
 * component. Its projection on a unit direction u is the 1D mixture {@code sum_k w_k N(u.m_k, u^T S_k u)},
 * whose quantile function is computable; that is what an exact sliced Wasserstein distance needs.
 */
public interface GaussianComponents {

    /** Number of components K. */
    int numComponents();

    /** Normalised weight {@code w_k} of component k (the weights sum to 1). */
    double weight(int k);

    /** Mean and (positive definite) covariance of component k. */
    Gaussian2 gaussian(int k);

    /** Class label of component k. */
    int label(int k);

    /**
     * The index of the component of positive weight whose mean is nearest to (x, y) in Euclidean distance;
     * ties go to the lower index.
     *
     * @throws IllegalArgumentException when (x, y) is not finite
     */
    int nearestComponent(double x, double y);

    /** The distance from every component mean beyond which a point is off the support. */
    double offSupportRadius();
}
