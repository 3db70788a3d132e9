package io.github.sibench.models.vp;

import io.github.sibench.models.DeclaredSamplers;
import org.junit.jupiter.api.Test;

class VpFactoryTest {

    /** What the factory declares is what the model runs; the others fail, naming the sampler. */
    @Test
    void declaredSamplersAreTheOnesTheModelRuns() {
        VpFactory factory = new VpFactory();
        DeclaredSamplers.assertDeclaredSamplersAreTheOnesGenerateRuns(factory, factory.defaultConfig());
    }
}
