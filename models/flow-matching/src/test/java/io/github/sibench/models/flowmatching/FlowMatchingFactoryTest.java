package io.github.sibench.models.flowmatching;

import io.github.sibench.models.BatchedGeneration;
import io.github.sibench.models.DeclaredSamplers;
import org.junit.jupiter.api.Test;

class FlowMatchingFactoryTest {

    /** What the factory declares is what the model runs; the others fail, naming the sampler. */
    @Test
    void declaredSamplersAreTheOnesTheModelRuns() {
        FlowMatchingFactory factory = new FlowMatchingFactory();
        DeclaredSamplers.assertDeclaredSamplersAreTheOnesGenerateRuns(factory, factory.defaultConfig());
    }

    /** Batched generation gives the points of one batch (deterministic samplers), with or without guidance. */
    @Test
    void batchingKeepsThePoints() {
        FlowMatchingFactory factory = new FlowMatchingFactory();
        BatchedGeneration.assertBatchingKeepsPoints(factory, factory.defaultConfig());
    }
}
