package io.github.sibench.models.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import io.github.sibench.core.random.Noise;
import io.github.sibench.core.random.SeedTree;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.field.Denoiser;
import io.github.sibench.core.field.VectorField;
import io.github.sibench.models.sampling.SamplerKind.Needs;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplerKindTest {

    @Test
    void samplersAreSelectedByWhatTheyNeed() {
        assertEquals(EnumSet.of(SamplerKind.EULER, SamplerKind.HEUN, SamplerKind.RK4, SamplerKind.DOPRI5),
                SamplerKind.using(Needs.VELOCITY));
        assertEquals(EnumSet.of(SamplerKind.EULER, SamplerKind.HEUN, SamplerKind.RK4, SamplerKind.DOPRI5, SamplerKind.EM),
                SamplerKind.using(Needs.VELOCITY, Needs.VELOCITY_SCORE));
        assertEquals(EnumSet.of(SamplerKind.EDM_HEUN, SamplerKind.EDM_SDE), SamplerKind.using(Needs.DENOISER));
        assertEquals(EnumSet.of(SamplerKind.ANCESTRAL), SamplerKind.using(Needs.DECODER));
        assertEquals(Set.of(), SamplerKind.using());
        // every kind is reachable, and needs exactly one thing
        assertEquals(EnumSet.allOf(SamplerKind.class), SamplerKind.using(Needs.values()));
    }

    /** A sampler asked of fields that lack what it needs fails at once, naming what is missing. */
    @Test
    void missingFieldIsAnErrorNeverIgnored() {
        VectorField zero = (t, x) -> x.zerosLike();
        ModelFields velocityOnly = ModelFields.ofVelocity(zero);
        for (SamplerKind k : SamplerKind.values()) {
            if (k.needs() == Needs.VELOCITY) {
                continue;
            }
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> SamplerKind.generate(k.defaults(), velocityOnly, null, null), k.configName());
            assertTrue(e.getMessage().startsWith(k.configName() + " needs "), e.getMessage());
            assertTrue(e.getMessage().contains("[euler, heun, rk4, dopri5]"), e.getMessage());
        }
        assertThrows(UnsupportedOperationException.class,
                () -> SamplerKind.generate(SamplerSpec.of("heun", 2), new ModelFields(null, null, null, 1, 0), null, null));
    }

    /**
     * EDM's S_tmin, S_tmax and S_noise reach the sampler: with the churn window [S_tmin, S_tmax] above
     * every noise level no noise is added, so edm-sde equals edm-heun to the bit; with the window covering
     * the levels the samples differ. The data is N(0, s^2 I), whose denoiser is x s^2 / (s^2 + sigma^2).
     */
    @Test
    void edmChurnWindowIsConfigurable() {
        double s2 = 0.25;
        Denoiser gaussian = (x, sigma) -> x.mul(s2 / (s2 + sigma * sigma));
        ModelFields fields = new ModelFields(null, null, gaussian, 80, 0.002 / 80);
        try (NDManager nd = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            NDArray noise = nd.randomNormal(new Shape(64, 2));
            float[] heun = SamplerKind.generate(new SamplerSpec.EdmHeun(10, 7), fields, noise, new Noise(SeedTree.root(4))).x().toFloatArray();
            float[] outside = SamplerKind.generate(new SamplerSpec.EdmSde(10, 40, 100, 200, 1.003, 7), fields, noise, new Noise(SeedTree.root(4)))
                    .x().toFloatArray();
            assertArrayEquals(heun, outside);
            float[] inside = SamplerKind.generate(new SamplerSpec.EdmSde(10, 40, 0, 100, 1.003, 7), fields, noise, new Noise(SeedTree.root(4)))
                    .x().toFloatArray();
            assertFalse(java.util.Arrays.equals(heun, inside));
            // rho moves the noise levels, so the deterministic samples move too
            float[] rho3 = SamplerKind.generate(new SamplerSpec.EdmHeun(10, 3), fields, noise, new Noise(SeedTree.root(4))).x().toFloatArray();
            assertFalse(java.util.Arrays.equals(heun, rho3));
        }
    }
}
