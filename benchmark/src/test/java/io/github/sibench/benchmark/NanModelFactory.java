package io.github.sibench.benchmark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.NetworkModel;
import io.github.sibench.models.guidance.ClassifierFree.BoundNetwork;
import io.github.sibench.models.sampling.ModelFields;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerKind.Needs;
import java.util.Set;

/**
 * Test-only model {@code nan-model}, registered through
 * {@code src/test/resources/META-INF/services/io.github.sibench.models.ModelFactory}: a flow-matching
 * style {@link NetworkModel} whose loss becomes a real NaN (square root of a negative number) after
 * {@code nanAfter} steps, so {@link NetworkModel}'s own finiteness check stops the training with a
 * {@link io.github.sibench.models.train.TrainingFailedException}, as a diverging model would. With
 * {@code nanSamples} it trains fine but its velocity field is NaN, so its samples are not finite. Its
 * factory declares {@code em} although its fields offer no score, so that a sampler failing at run time
 * (which a correct factory prevents at load) stays tested: the row fails, the others go on.
 */
public final class NanModelFactory implements ModelFactory<NanModelFactory.Config> {

    public static final String NAME = "nan-model";

    /**
     * @param nanAfter number of steps with a finite loss before it turns NaN
     * @param nanSamples whether the trained velocity field returns NaN (samples not finite)
     */
    public record Config(int nanAfter, boolean nanSamples) {
        public Config {
            if (nanAfter < 1) {
                throw new IllegalArgumentException("nan-model: nanAfter must be >= 1, got " + nanAfter);
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config defaultConfig() {
        return new Config(3, false);
    }

    /** The ODE samplers, and em, which its fields cannot run (see the class comment). */
    @Override
    public Set<SamplerKind> samplers(Config config) {
        return SamplerKind.using(Needs.VELOCITY, Needs.VELOCITY_SCORE);
    }

    @Override
    public GenerativeModel create(Config config, ModelContext context) {
        return new NanModel(config, context);
    }

    @Override
    public String interpolant(Config config) {
        return "linear";
    }

    static final class NanModel extends NetworkModel {

        private final int nanAfter;
        private final boolean nanSamples;
        private int calls;

        NanModel(Config config, ModelContext context) {
            super(context, context.dim());
            this.nanAfter = config.nanAfter();
            this.nanSamples = config.nanSamples();
        }

        @Override
        protected String name() {
            return NAME;
        }

        @Override
        protected NDArray loss(Batch batch) {
            NDArray x0 = batch.x0();
            NDArray x1 = batch.manager().randomNormal(x0.getShape());
            NDArray t = batch.manager().randomUniform(0f, 1f, new Shape(batch.size(), 1));
            NDArray xt = x0.mul(t.neg().add(1)).add(x1.mul(t));
            NDArray loss = batch.network().apply(xt, t, batch.label()).sub(x1.sub(x0)).square().mean();
            // after nanAfter steps: sqrt(-(loss + 1)) is NaN, a genuine non-finite value computed by the engine
            return ++calls > nanAfter ? loss.add(1).neg().sqrt() : loss;
        }

        @Override
        protected ModelFields fields(BoundNetwork network) {
            return ModelFields.ofVelocity(nanSamples
                    ? (t, x) -> network.apply(x, timeColumn(x, t)).mul(Float.NaN)
                    : (t, x) -> network.apply(x, timeColumn(x, t)));
        }
    }
}
