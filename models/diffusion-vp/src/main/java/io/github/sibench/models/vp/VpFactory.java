package io.github.sibench.models.vp;

import io.github.sibench.models.GenerativeModel;
import io.github.sibench.models.ModelContext;
import io.github.sibench.models.ModelFactory;
import io.github.sibench.models.sampling.SamplerKind;
import io.github.sibench.models.sampling.SamplerKind.Needs;
import java.util.Set;

/** Registers {@link VpModel} as {@code diffusion-vp}. */
public final class VpFactory implements ModelFactory<VpConfig> {

    static final String NAME = "diffusion-vp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<VpConfig> configType() {
        return VpConfig.class;
    }

    @Override
    public VpConfig defaultConfig() {
        return VpConfig.defaults();
    }

    /** Velocity and score: the ODE samplers and em. */
    @Override
    public Set<SamplerKind> samplers(VpConfig config) {
        return SamplerKind.using(Needs.VELOCITY, Needs.VELOCITY_SCORE);
    }

    @Override
    public GenerativeModel create(VpConfig config, ModelContext context) {
        return new VpModel(config, context);
    }

    /** {@code vp(betaMin,betaMax)}, e.g. {@code vp(0.1,20)}. */
    @Override
    public String interpolant(VpConfig config) {
        return "vp(" + number(config.betaMin()) + "," + number(config.betaMax()) + ")";
    }

    /** Integral values without a trailing {@code .0}: 20 rather than 20.0. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
