package io.github.sibench.models.sampling;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.sampler.DenoiserSampler;
import io.github.sibench.core.sampler.DormandPrince;
import io.github.sibench.core.sampler.EdmHeun;
import io.github.sibench.core.sampler.EdmStochastic;
import io.github.sibench.core.sampler.Euler;
import io.github.sibench.core.sampler.EulerMaruyama;
import io.github.sibench.core.sampler.Heun;
import io.github.sibench.core.sampler.KarrasSchedule;
import io.github.sibench.core.sampler.OdeSampler;
import io.github.sibench.core.sampler.Rk4;
import io.github.sibench.core.sampler.Samples;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The registry of samplers a run configuration can name. Each kind says which field it needs from a
 * model ({@link ModelFields}) and builds the core sampler from a {@link SamplerSpec}.
 */
public enum SamplerKind {
    EULER("euler", s -> new Euler(s.steps())),
    HEUN("heun", s -> new Heun(s.steps())),
    RK4("rk4", s -> new Rk4(s.steps())),
    DOPRI5("dopri5", s -> new DormandPrince(s.tolerance(), s.tolerance())),
    EM("em", null) {
        @Override
        Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal) {
            require(fields.velocityScore() != null, "a score");
            NDArray start = standardNormal.mul(fields.noiseScale());
            try {
                return new EulerMaruyama(spec.steps(), spec.eps()).sample(fields.velocityScore(), start, 1, fields.tEnd());
            } finally {
                start.close();
            }
        }
    },
    EDM_HEUN("edm-heun", null) {
        @Override
        Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal) {
            return runDenoiser(new EdmHeun(schedule(spec, fields)), fields, standardNormal);
        }
    },
    EDM_SDE("edm-sde", null) {
        @Override
        Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal) {
            return runDenoiser(new EdmStochastic(schedule(spec, fields), spec.churn(), 0.05, 50, 1.003),
                    fields, standardNormal);
        }
    },
    /**
     * One pass from the prior through the decoder (VAEs): such models generate themselves and never call
     * {@link #generate}; a model with fields has no decoder to run.
     */
    ANCESTRAL("ancestral", null) {
        @Override
        Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal) {
            throw new UnsupportedOperationException("ancestral sampling needs a one-pass decoder (a VAE), which this "
                    + "model lacks; use an ODE, SDE or EDM sampler");
        }
    };

    private final String configName;
    private final Function<SamplerSpec, OdeSampler> ode;

    SamplerKind(String configName, Function<SamplerSpec, OdeSampler> ode) {
        this.configName = configName;
        this.ode = ode;
    }

    /** The name used in configs and CSV files. */
    public String configName() {
        return configName;
    }

    /**
     * Generates one sample per row of {@code standardNormal} (N(0, I), shape (n, d)) with the model's
     * fields; throws {@link UnsupportedOperationException} when the model lacks the field this sampler
     * needs. {@code standardNormal} is not closed.
     */
    Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal) {
        require(fields.velocity() != null, "a velocity field");
        NDArray start = standardNormal.mul(fields.noiseScale());
        try {
            return ode.apply(spec).sample(fields.velocity(), start, 1, fields.tEnd());
        } finally {
            start.close();
        }
    }

    /**
     * EDM's time steps (rho = 7) between the model's noise levels: sigma_max is the start scale
     * {@code noiseScale} and sigma_min = {@code tEnd * noiseScale} (VE time, sigma(t) = sigma_max t).
     */
    private static KarrasSchedule schedule(SamplerSpec spec, ModelFields fields) {
        return new KarrasSchedule(spec.steps(), fields.tEnd() * fields.noiseScale(), fields.noiseScale(), 7);
    }

    private static Samples runDenoiser(DenoiserSampler sampler, ModelFields fields, NDArray standardNormal) {
        if (fields.denoiser() == null) {
            throw new UnsupportedOperationException(sampler.name() + " needs an EDM denoiser, which this model lacks");
        }
        return sampler.sample(fields.denoiser(), standardNormal);
    }

    void require(boolean present, String what) {
        if (!present) {
            throw new UnsupportedOperationException(configName + " needs " + what + ", which this model lacks");
        }
    }

    /** Generates with the sampler the spec names. */
    public static Samples generate(SamplerSpec spec, ModelFields fields, NDArray standardNormal) {
        return spec.kind().run(spec, fields, standardNormal);
    }

    public static SamplerKind byName(String name) {
        for (SamplerKind k : values()) {
            if (k.configName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown sampler '" + name + "'; known samplers: " + names());
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(SamplerKind::configName).toList();
    }
}
