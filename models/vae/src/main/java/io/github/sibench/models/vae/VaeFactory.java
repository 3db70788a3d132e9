package io.github.sibench.models.vae;

import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerKind.Needs;
import java.util.Set;

/** Registers {@link HierarchicalVae} as {@code vae}; the prior is chosen by {@link VaeConfig#prior()}. */
public final class VaeFactory implements ModelFactory<VaeConfig> {

    static final String NAME = "vae";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<VaeConfig> configType() {
        return VaeConfig.class;
    }

    @Override
    public VaeConfig defaultConfig() {
        return VaeConfig.defaults();
    }

    /** A decoder from the prior: ancestral sampling only. */
    @Override
    public Set<SamplerKind> samplers(VaeConfig config) {
        return SamplerKind.using(Needs.DECODER);
    }

    @Override
    public GenerativeModel create(VaeConfig config, ModelContext context) {
        return new HierarchicalVae(config, context);
    }

    /** {@code vae(normal)}, {@code vae(mog)} or {@code vae(vamp)}. */
    @Override
    public String interpolant(VaeConfig config) {
        return NAME + "(" + config.prior().configName() + ")";
    }
}
