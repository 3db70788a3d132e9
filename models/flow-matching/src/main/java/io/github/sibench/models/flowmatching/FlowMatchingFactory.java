package io.github.sibench.models.flowmatching;

import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;

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

    @Override
    public GenerativeModel create(FlowMatchingConfig config, ModelContext context) {
        return new FlowMatchingModel(config, context);
    }

    @Override
    public String interpolant(FlowMatchingConfig config) {
        return "linear";
    }
}
