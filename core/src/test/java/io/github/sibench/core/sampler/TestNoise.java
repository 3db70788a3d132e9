package io.github.sibench.core.sampler;

import io.github.sibench.core.random.Noise;
import io.github.sibench.core.random.SeedTree;

/** Seeded noise for sampler tests. */
final class TestNoise {

    private TestNoise() {}

    static Noise of(long seed) {
        return new Noise(SeedTree.root(seed));
    }
}
