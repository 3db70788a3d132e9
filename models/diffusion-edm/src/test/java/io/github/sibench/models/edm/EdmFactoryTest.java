package io.github.sibench.models.edm;

import io.github.sibench.models.BatchedGeneration;
import io.github.sibench.models.DeclaredSamplers;
import org.junit.jupiter.api.Test;

class EdmFactoryTest {

    /** What the factory declares is what the model runs; the others fail, naming the sampler. */
    @Test
    void declaredSamplersAreTheOnesTheModelRuns() {
        EdmFactory factory = new EdmFactory();
        DeclaredSamplers.assertDeclaredSamplersAreTheOnesGenerateRuns(factory, factory.defaultConfig());
    }

    /** Batched generation gives the points of one batch (deterministic samplers), with or without guidance. */
    @Test
    void batchingKeepsThePoints() {
        EdmFactory factory = new EdmFactory();
        BatchedGeneration.assertBatchingKeepsPoints(factory, factory.defaultConfig());
    }
}
