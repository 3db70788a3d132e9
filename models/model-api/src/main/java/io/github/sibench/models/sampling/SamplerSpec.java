package io.github.sibench.models.sampling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * A sampler as named in a run configuration, with its settings. Settings a sampler does not use are
 * ignored; missing ones take the defaults below.
 *
 * @param name a {@link SamplerKind} name: euler, heun, rk4, dopri5, em, edm-heun, edm-sde, ancestral
 * @param steps number of steps N (fixed-step samplers; default 100). NFE: euler N, heun 2N - 1, rk4 4N,
 *     em N, edm-heun and edm-sde 2N - 1, ancestral 1; dopri5 reports what it spent
 * @param eps constant diffusion coefficient of the SDE sampler (default 1)
 * @param tolerance relative and absolute tolerance of dopri5 (default 1e-4)
 * @param churn EDM's S_churn (default 40, with S_tmin = 0.05, S_tmax = 50, S_noise = 1.003 as in Karras
 *     et al. 2022, Table 5)
 */
public record SamplerSpec(String name, Integer steps, Double eps, Double tolerance, Double churn) {

    public SamplerSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("sampler: 'name' is required (one of " + SamplerKind.names() + ")");
        }
        name = name.trim().toLowerCase(Locale.ROOT);
        SamplerKind.byName(name);
        steps = steps == null ? 100 : steps;
        eps = eps == null ? 1.0 : eps;
        tolerance = tolerance == null ? 1e-4 : tolerance;
        churn = churn == null ? 40.0 : churn;
        if (steps < 1) {
            throw new IllegalArgumentException("sampler " + name + ": steps must be >= 1, got " + steps);
        }
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("sampler " + name + ": eps must be finite and >= 0, got " + eps);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("sampler " + name + ": tolerance must be in (0, 1), got " + tolerance);
        }
        if (!(churn >= 0) || !Double.isFinite(churn)) {
            throw new IllegalArgumentException("sampler " + name + ": churn must be finite and >= 0, got " + churn);
        }
    }

    /** A sampler with default settings and the given step count. */
    public static SamplerSpec of(String name, int steps) {
        return new SamplerSpec(name, steps, null, null, null);
    }

    /** Name with the settings that matter for this sampler, e.g. {@code heun-50}, {@code em-200-eps0.5}. */
    @JsonIgnore
    public String label() {
        return switch (kind()) {
            case DOPRI5 -> name + "-tol" + tolerance;
            case ANCESTRAL -> name;
            case EM -> name + "-" + steps + "-eps" + eps;
            case EDM_SDE -> name + "-" + steps + "-churn" + churn;
            default -> name + "-" + steps;
        };
    }

    /** Whether the sampler runs a configured number of steps (all but dopri5 and ancestral). */
    @JsonIgnore
    public boolean fixedSteps() {
        return kind() != SamplerKind.DOPRI5 && kind() != SamplerKind.ANCESTRAL;
    }

    @JsonIgnore
    public SamplerKind kind() {
        return SamplerKind.byName(name);
    }
}
