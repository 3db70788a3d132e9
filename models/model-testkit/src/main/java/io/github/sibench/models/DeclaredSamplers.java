package io.github.sibench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.github.sibench.core.sampler.Samples;
import io.github.sibench.models.guidance.Guidance;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerSpec;
import java.util.Set;

/**
 * Shared check for model modules: the samplers a factory declares ({@link ModelFactory#samplers}, what
 * a configuration is checked against when it loads) are exactly the ones its model's {@code generate}
 * runs; every other one throws {@link UnsupportedOperationException} naming the sampler, never runs
 * silently. Uses an untrained model on 2D data and two steps per sampler, so it takes well under a second.
 */
public final class DeclaredSamplers {

    private DeclaredSamplers() {}

    public static <C extends Record> void assertDeclaredSamplersAreTheOnesGenerateRuns(ModelFactory<C> factory, C config) {
        Set<SamplerKind> declared = factory.samplers(config);
        assertFalse(declared.isEmpty(), factory.name() + " declares no sampler");
        try (GenerativeModel model = factory.create(config, new ModelContext(2, 0, ToyTraining.TINY, 1, "cpu"));
                NDManager nd = NDManager.newBaseManager()) {
            for (SamplerKind k : SamplerKind.values()) {
                SamplerSpec spec = SamplerSpec.of(k.configName(), 2);
                if (declared.contains(k)) {
                    Samples s = model.generate(spec, 8, Guidance.NONE, 1, nd);
                    assertArrayEquals(new long[] {8, 2}, s.x().getShape().getShape(), factory.name() + " " + k);
                    for (float v : s.x().toFloatArray()) {
                        assertTrue(Float.isFinite(v), factory.name() + " " + k + " gave " + v);
                    }
                } else {
                    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                            () -> model.generate(spec, 8, Guidance.NONE, 1, nd), factory.name() + " ran " + k);
                    assertTrue(e.getMessage().contains(k.configName()), e.getMessage());
                }
            }
        }
    }
}
