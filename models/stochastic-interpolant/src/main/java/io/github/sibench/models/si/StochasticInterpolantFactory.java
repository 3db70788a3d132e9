package io.github.sibench.models.si;

import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerKind.Needs;
import java.util.Set;

/** Registers {@link StochasticInterpolantModel} as {@code stochastic-interpolant}. */
public final class StochasticInterpolantFactory implements ModelFactory<StochasticInterpolantConfig> {

    static final String NAME = "stochastic-interpolant";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<StochasticInterpolantConfig> configType() {
        return StochasticInterpolantConfig.class;
    }

    @Override
    public StochasticInterpolantConfig defaultConfig() {
        return StochasticInterpolantConfig.defaults();
    }

    /** Velocity and score: the ODE samplers and em. */
    @Override
    public Set<SamplerKind> samplers(StochasticInterpolantConfig config) {
        return SamplerKind.using(Needs.VELOCITY, Needs.VELOCITY_SCORE);
    }

    @Override
    public GenerativeModel create(StochasticInterpolantConfig config, ModelContext context) {
        return new StochasticInterpolantModel(config, context);
    }

    @Override
    public String interpolant(StochasticInterpolantConfig config) {
        return "si(a=" + config.a() + ")";
    }
}
