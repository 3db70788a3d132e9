package io.github.sibench.models.sampling;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.random.Noise;
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
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The registry of samplers a run configuration can name. Each kind says which field it needs from a
 * model ({@link Needs}, offered through {@link ModelFields}), has its own options record (a
 * {@link SamplerSpec}) with defaults, and builds the core sampler from it.
 */
public enum SamplerKind {
    EULER("euler", Needs.VELOCITY, SamplerSpec.Euler.DEFAULTS, s -> new Euler(s.steps())),
    HEUN("heun", Needs.VELOCITY, SamplerSpec.Heun.DEFAULTS, s -> new Heun(s.steps())),
    RK4("rk4", Needs.VELOCITY, SamplerSpec.Rk4.DEFAULTS, s -> new Rk4(s.steps())),
    DOPRI5("dopri5", Needs.VELOCITY, SamplerSpec.Dopri5.DEFAULTS, s -> {
        SamplerSpec.Dopri5 d = (SamplerSpec.Dopri5) s;
        return new DormandPrince(d.tolerance(), d.tolerance(), d.maxSteps());
    }),
    EM("em", Needs.VELOCITY_SCORE, SamplerSpec.Em.DEFAULTS, null) {
        @Override
        Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal, Noise noise) {
            require(fields);
            SamplerSpec.Em em = (SamplerSpec.Em) spec;
            NDArray start = standardNormal.mul(fields.noiseScale());
            try {
                return new EulerMaruyama(em.steps(), em.eps()).sample(fields.velocityScore(), start, 1, fields.tEnd(),
                        noise);
            } finally {
                start.close();
            }
        }
    },
    EDM_HEUN("edm-heun", Needs.DENOISER, SamplerSpec.EdmHeun.DEFAULTS, null) {
        @Override
        Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal, Noise noise) {
            require(fields);
            SamplerSpec.EdmHeun heun = (SamplerSpec.EdmHeun) spec;
            return new EdmHeun(schedule(heun.steps(), heun.rho(), fields)).sample(fields.denoiser(), standardNormal, noise);
        }
    },
    EDM_SDE("edm-sde", Needs.DENOISER, SamplerSpec.EdmSde.DEFAULTS, null) {
        @Override
        Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal, Noise noise) {
            require(fields);
            SamplerSpec.EdmSde sde = (SamplerSpec.EdmSde) spec;
            return new EdmStochastic(schedule(sde.steps(), sde.rho(), fields), sde.churn(), sde.sTmin(), sde.sTmax(),
                    sde.sNoise()).sample(fields.denoiser(), standardNormal, noise);
        }
    },
    /**
     * One pass from the prior through the decoder (VAEs): such models generate themselves and never call
     * {@link #generate}; a model with fields has no decoder to run.
     */
    ANCESTRAL("ancestral", Needs.DECODER, SamplerSpec.Ancestral.DEFAULTS, null);

    /** What a sampler needs from a model. */
    public enum Needs {
        /** The velocity b(t, x) (ODE samplers). */
        VELOCITY("a velocity field"),
        /** Velocity and score together (the SDE sampler). */
        VELOCITY_SCORE("a score (a velocity-and-score field)"),
        /** EDM's denoiser D(x; sigma) (EDM's samplers). */
        DENOISER("an EDM denoiser"),
        /** A one-pass decoder from a prior (VAEs); never among a {@link ModelFields}' fields. */
        DECODER("a one-pass decoder (a VAE)");

        private final String description;

        Needs(String description) {
            this.description = description;
        }

        /** Whether {@code fields} offers this. */
        public boolean offeredBy(ModelFields fields) {
            return switch (this) {
                case VELOCITY -> fields.velocity() != null;
                case VELOCITY_SCORE -> fields.velocityScore() != null;
                case DENOISER -> fields.denoiser() != null;
                case DECODER -> false;
            };
        }
    }

    private final String configName;
    private final Needs needs;
    private final SamplerSpec defaults;
    private final Function<SamplerSpec, OdeSampler> ode;

    SamplerKind(String configName, Needs needs, SamplerSpec defaults, Function<SamplerSpec, OdeSampler> ode) {
        this.configName = configName;
        this.needs = needs;
        this.defaults = defaults;
        this.ode = ode;
    }

    /** What this sampler needs from a model. */
    public Needs needs() {
        return needs;
    }

    /** This sampler's options record with every option at its default. */
    public SamplerSpec defaults() {
        return defaults;
    }

    /** The samplers that need only what {@code offered} lists, in declaration order. */
    public static Set<SamplerKind> using(Needs... offered) {
        EnumSet<Needs> have = EnumSet.noneOf(Needs.class);
        have.addAll(Arrays.asList(offered));
        EnumSet<SamplerKind> out = EnumSet.noneOf(SamplerKind.class);
        for (SamplerKind k : values()) {
            if (have.contains(k.needs)) {
                out.add(k);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The name used in configs and CSV files. */
    public String configName() {
        return configName;
    }

    /**
     * Generates one sample per row of {@code standardNormal} (N(0, I), shape (n, d)) with the model's
     * fields, a stochastic sampler drawing its noise from {@code noise}; throws {@link UnsupportedOperationException} when the model lacks the field this sampler
     * needs. {@code standardNormal} is not closed.
     */
    Samples run(SamplerSpec spec, ModelFields fields, NDArray standardNormal, Noise noise) {
        require(fields);
        NDArray start = standardNormal.mul(fields.noiseScale());
        try {
            return ode.apply(spec).sample(fields.velocity(), start, 1, fields.tEnd());
        } finally {
            start.close();
        }
    }

    /**
     * EDM's noise levels ({@link KarrasSchedule}, exponent {@code rho}) between the model's noise levels:
     * sigma_max is the start scale {@code noiseScale} and sigma_min = {@code tEnd * noiseScale} (VE time,
     * sigma(t) = sigma_max t).
     */
    private static KarrasSchedule schedule(int steps, double rho, ModelFields fields) {
        return new KarrasSchedule(steps, fields.tEnd() * fields.noiseScale(), fields.noiseScale(), rho);
    }

    /** Throws {@link UnsupportedOperationException} when {@code fields} lacks what this sampler needs. */
    void require(ModelFields fields) {
        if (!needs.offeredBy(fields)) {
            throw new UnsupportedOperationException(configName + " needs " + needs.description + ", which this model "
                    + "lacks; it offers " + using(offered(fields)).stream().map(SamplerKind::configName).toList());
        }
    }

    private static Needs[] offered(ModelFields fields) {
        return Arrays.stream(Needs.values()).filter(n -> n.offeredBy(fields)).toArray(Needs[]::new);
    }

    /**
     * Generates with the sampler the spec names.
     *
     * @throws UnsupportedOperationException when {@code fields} lacks what the sampler needs
     */
    public static Samples generate(SamplerSpec spec, ModelFields fields, NDArray standardNormal, Noise noise) {
        return spec.kind().run(spec, fields, standardNormal, noise);
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
