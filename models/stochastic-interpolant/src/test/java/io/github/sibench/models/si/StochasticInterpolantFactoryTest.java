package io.github.sibench.models.si;

import io.github.sibench.models.BatchedGeneration;
import io.github.sibench.models.DeclaredSamplers;
import org.junit.jupiter.api.Test;

class StochasticInterpolantFactoryTest {

    /** What the factory declares is what the model runs; the others fail, naming the sampler. */
    @Test
    void declaredSamplersAreTheOnesTheModelRuns() {
        StochasticInterpolantFactory factory = new StochasticInterpolantFactory();
        DeclaredSamplers.assertDeclaredSamplersAreTheOnesGenerateRuns(factory, factory.defaultConfig());
    }

    /** Batched generation gives the points of one batch (deterministic samplers), with or without guidance. */
    @Test
    void batchingKeepsThePoints() {
        StochasticInterpolantFactory factory = new StochasticInterpolantFactory();
        BatchedGeneration.assertBatchingKeepsPoints(factory, factory.defaultConfig());
    }
}
