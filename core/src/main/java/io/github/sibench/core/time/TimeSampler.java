package io.github.sibench.core.time;

import java.util.random.RandomGenerator;

/** Draws training times t in [0, 1] for a batch, from an explicit random generator. */
@FunctionalInterface
public interface TimeSampler {
    double[] sample(int n, RandomGenerator rng);
}
