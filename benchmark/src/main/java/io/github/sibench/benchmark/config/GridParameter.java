package io.github.sibench.benchmark.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.sibench.models.sampling.SamplerOptions;
import io.github.sibench.models.sampling.SamplerSpec;
import java.util.Arrays;
import java.util.List;

/**
 * What an ablation grid ({@link GridConfig}) varies, the seed's four ablations. Three only change how a
 * trained model is sampled, so their grid points are sampled from the model the run trains anyway; one
 * ({@link #N_TRAIN}) changes the training set, so each of its points trains the model again.
 */
public enum GridParameter {
    /** The step count N of every fixed-step sampler of the model (NFE follows: euler N, heun 2N - 1, ...). */
    STEPS("steps", false),
    /** The number of training points; the model is trained again on the first {@code nTrain} points' draw. */
    N_TRAIN("nTrain", true),
    /** The classifier-free guidance weight w of the primary sampler, in the labelled settings only. */
    GUIDANCE_WEIGHT("guidanceWeight", false),
    /** The diffusion coefficient eps of every Euler-Maruyama ({@code em}) sampler of the model. */
    EPS("eps", false);

    private final String configName;
    private final boolean retrains;

    GridParameter(String configName, boolean retrains) {
        this.configName = configName;
        this.retrains = retrains;
    }

    @JsonValue
    public String configName() {
        return configName;
    }

    /** Whether a grid point trains the model again (else it is sampled from the run's own trained model). */
    public boolean retrains() {
        return retrains;
    }

    /** Whether a grid over this parameter runs in {@code setting}: guidance needs labels, the others run anywhere. */
    public boolean runsIn(Setting setting) {
        return this != GUIDANCE_WEIGHT || setting.labelled();
    }

    /**
     * Checks one grid value.
     *
     * @throws IllegalArgumentException naming {@code where} and the accepted range
     */
    void check(double v, String where) {
        boolean ok = switch (this) {
            case STEPS -> v == Math.rint(v) && v >= 1 && v <= SamplerSpec.MAX_STEPS;
            case N_TRAIN -> v == Math.rint(v) && v >= 2 && v <= Integer.MAX_VALUE;
            case GUIDANCE_WEIGHT, EPS -> Double.isFinite(v) && v >= 0;
        };
        if (!ok) {
            String range = switch (this) {
                case STEPS -> "a whole number of steps in [1, " + SamplerSpec.MAX_STEPS + "]";
                case N_TRAIN -> "a whole number of training points >= 2";
                case GUIDANCE_WEIGHT -> "a finite guidance weight >= 0";
                case EPS -> "a finite diffusion coefficient >= 0";
            };
            throw new IllegalArgumentException(where + ": " + configName + " values must each be " + range + ", got " + v);
        }
    }

    /**
     * The samplers of a model at the grid value {@code v}, from the model's own samplers: {@link #STEPS} varies
     * every fixed-step sampler and {@link #EPS} every {@code em} sampler (the others do not have the option);
     * {@link #N_TRAIN} and {@link #GUIDANCE_WEIGHT} use the primary sampler (the first) unchanged. Samplers that
     * become equal are kept once. Empty when the model has no sampler with the option.
     */
    public List<SamplerSpec> samplers(List<SamplerSpec> own, double v) {
        return switch (this) {
            case STEPS -> own.stream().filter(SamplerSpec::fixedSteps)
                    .map(s -> SamplerOptions.with(s, "steps", (int) v)).distinct().toList();
            case EPS -> own.stream().filter(s -> s instanceof SamplerSpec.Em)
                    .map(s -> SamplerOptions.with(s, "eps", v)).distinct().toList();
            case N_TRAIN, GUIDANCE_WEIGHT -> own.subList(0, 1);
        };
    }

    @JsonCreator
    public static GridParameter byName(String name) {
        for (GridParameter p : values()) {
            if (p.configName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown grid parameter '" + name + "'; known: "
                + Arrays.stream(values()).map(GridParameter::configName).toList());
    }
}
