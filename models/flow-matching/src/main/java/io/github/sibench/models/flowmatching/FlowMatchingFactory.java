package io.github.sibench.models.flowmatching;

import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerKind.Needs;
import java.util.Set;

/** Registers {@link FlowMatchingModel} as {@code flow-matching}. */
public final class FlowMatchingFactory implements ModelFactory<FlowMatchingConfig> {

    static final String NAME = "flow-matching";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FlowMatchingConfig> configType() {
        return FlowMatchingConfig.class;
    }

    @Override
    public FlowMatchingConfig defaultConfig() {
        return FlowMatchingConfig.defaults();
    }

    /** A velocity field: the ODE samplers. */
    @Override
    public Set<SamplerKind> samplers(FlowMatchingConfig config) {
        return SamplerKind.using(Needs.VELOCITY);
    }

    @Override
    public GenerativeModel create(FlowMatchingConfig config, ModelContext context) {
        return new FlowMatchingModel(config, context);
    }

    @Override
    public String interpolant(FlowMatchingConfig config) {
        return "linear";
    }
}
