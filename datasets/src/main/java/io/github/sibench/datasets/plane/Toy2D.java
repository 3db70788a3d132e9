package io.github.sibench.datasets.plane;

import io.github.sibench.core.stats.Gaussian2;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A labelled 2D reference distribution that a benchmark can sample, with the capabilities it has in
 * closed form. Metrics ask for a capability instead of checking the dataset's type:
 *
 * <ul>
 *   <li>{@link #density()}: the exact density (NLL, low-density fraction);
 *   <li>{@link #moments()}: the exact mean and covariance (FID-Y, analytic z-scoring);
 *   <li>{@link #classes()}: the exact class weights and per-class moments, and a rule assigning a point
 *       of the plane to a class or to off-support (per-cluster mass, guided hit rate, per-class FID-Y);
 *   <li>{@link #gaussianComponents()}: the distribution as a finite Gaussian mixture (exact 1D
 *       projections, hence sliced Wasserstein without reference samples).
 * </ul>
 *
 * <p>Every 2D dataset of the suite (the seed toy and the classic toys, SPEC section 4) implements this, so
 * a harness treats them alike. Samples carry a class label (for conditional models and per-class mass) and
 * a component index (the mixture component or geometric piece a point came from, for coverage). Sampling
 * is deterministic given the state of {@code rng}: build it from a seed, e.g. a
 * {@code SeedTree} node's {@code rng()}.
 */
public interface Toy2D {

    /** Stable short name, e.g. {@code seed-toy}. */
    String name();

    /** Number of class labels; labels are {@code 0 .. numClasses() - 1}. */
    int numClasses();

    /** Number of components; component indices are {@code 0 .. numComponents() - 1}. */
    int numComponents();

    /** Draws n independent labelled points. */
    Points sample(int n, RandomGenerator rng);

    /** The exact density, if known in closed form. */
    default Optional<Density2D> density() {
        return Optional.empty();
    }

    /** The exact mean and covariance, if known in closed form. */
    default Optional<Gaussian2> moments() {
        return Optional.empty();
    }

    /** Exact class weights, per-class moments and class regions, if known. */
    default Optional<ClassRegions> classes() {
        return Optional.empty();
    }

    /** The distribution as a finite mixture of Gaussians, if it is one. */
    default Optional<GaussianComponents> gaussianComponents() {
        return Optional.empty();
    }
}
