package io.github.sibench.models.vp;

import io.github.sibench.models.BatchedGeneration;
import io.github.sibench.models.DeclaredSamplers;
import org.junit.jupiter.api.Test;

class VpFactoryTest {

    /** What the factory declares is what the model runs; the others fail, naming the sampler. */
    @Test
    void declaredSamplersAreTheOnesTheModelRuns() {
        VpFactory factory = new VpFactory();
        DeclaredSamplers.assertDeclaredSamplersAreTheOnesGenerateRuns(factory, factory.defaultConfig());
    }

    /** Batched generation gives the points of one batch (deterministic samplers), with or without guidance. */
    @Test
    void batchingKeepsThePoints() {
        VpFactory factory = new VpFactory();
        BatchedGeneration.assertBatchingKeepsPoints(factory, factory.defaultConfig());
    }
}
