package io.github.sibench.models.edm;

import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerKind.Needs;
import java.util.Set;

/** Registers {@link EdmModel} as {@code diffusion-edm}. */
public final class EdmFactory implements ModelFactory<EdmConfig> {

    static final String NAME = "diffusion-edm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<EdmConfig> configType() {
        return EdmConfig.class;
    }

    @Override
    public EdmConfig defaultConfig() {
        return EdmConfig.defaults();
    }

    /** The probability-flow velocity and the denoiser: the ODE samplers, edm-heun and edm-sde (no score, so no em). */
    @Override
    public Set<SamplerKind> samplers(EdmConfig config) {
        return SamplerKind.using(Needs.VELOCITY, Needs.DENOISER);
    }

    @Override
    public GenerativeModel create(EdmConfig config, ModelContext context) {
        return new EdmModel(config, context);
    }

    /** {@code ve(edm)}; with a non-default sigma_max, {@code ve(edm,sigmaMax=...)}. */
    @Override
    public String interpolant(EdmConfig config) {
        return config.sigmaMax() == EdmConfig.defaults().sigmaMax() ? "ve(edm)"
                : "ve(edm,sigmaMax=" + config.sigmaMax() + ")";
    }
}
