package io.github.sibench.datasets.plane;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A labelled 2D reference distribution that a benchmark can sample, and, when they are known in
 * closed form, evaluate (density) and summarise (mean and covariance).
 *
 * <p>Every 2D dataset of the suite (the seed toy and the classic toys, SPEC section 4) implements
 * this, so a harness treats them alike. Samples carry a class label (for conditional models and
 * per-class mass) and a component index (the mixture component or geometric piece a point came
 * from, for coverage). Sampling is deterministic given the state of {@code rng}: build it from a
 * seed, e.g. {@code new SplittableRandom(seed)}.
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
    default Optional<Moments2D> moments() {
        return Optional.empty();
    }
}
