package io.github.sibench.models.sampling;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A sampler as named in a run configuration, with its options: one small record per {@link SamplerKind},
 * each validating its options in its constructor.
 *
 * <p>In JSON a sampler is one object, {@code {"name": "em", "steps": 100, "eps": 0.5}}: {@code name}
 * selects the record, a field the record lacks is an error naming the field and the record's fields, and
 * a missing field takes the default documented on the record ({@link SamplerOptions} reads and writes this
 * form). The written form lists every option, so a resolved configuration round-trips.
 *
 * <p>NFE of N steps: euler N, heun 2N - 1, rk4 4N, em N, edm-heun and edm-sde 2N - 1, ancestral 1; dopri5
 * reports what it spent.
 */
@JsonSerialize(using = SamplerOptions.Writer.class)
@JsonDeserialize(using = SamplerOptions.Reader.class)
public sealed interface SamplerSpec permits SamplerSpec.FixedSteps, SamplerSpec.Dopri5, SamplerSpec.Ancestral {

    /**
     * Most steps a sampler may run: a guard against typos (100,000 network passes over 4,000 points take
     * hours on a CPU), not a limit of the integrators.
     */
    int MAX_STEPS = 100_000;

    /**
     * Range of EDM's rho accepted, a guard: outside it {@code sigma^(1/rho)} overflows for ordinary noise
     * levels (EDM uses 7; rho = 1 spaces the levels evenly).
     */
    double MIN_RHO = 0.1;

    /** See {@link #MIN_RHO}. */
    double MAX_RHO = 100;

    /** Largest S_noise accepted, a guard against typos (Karras et al. 2022 use 1 to 1.007, Table 5). */
    double MAX_S_NOISE = 2;

    /** The registry entry of this sampler. */
    SamplerKind kind();

    /** The name used in configs and CSV files, e.g. {@code heun}. */
    default String name() {
        return kind().configName();
    }

    /**
     * The name with the options that change the samples, e.g. {@code heun-25}, {@code em-100-eps0.5},
     * {@code edm-sde-40-churn40.0}, {@code dopri5-tol0.001}, {@code ancestral}; it names result rows and
     * sample files, so two samplers of one model must have different labels.
     */
    String label();

    /** Whether the sampler runs a configured number of steps (all but dopri5 and ancestral). */
    default boolean fixedSteps() {
        return this instanceof FixedSteps;
    }

    /**
     * The number of steps N of a fixed-step sampler.
     *
     * @throws UnsupportedOperationException for dopri5 (adaptive) and ancestral (one pass); check
     *     {@link #fixedSteps()} first
     */
    default int steps() {
        throw new UnsupportedOperationException(name() + " has no fixed number of steps");
    }

    /**
     * The sampler {@code name} with its defaults and, when it runs a fixed number of steps, {@code steps}
     * steps (a shorthand for tests and code; dopri5 and ancestral have no step count and keep their
     * defaults).
     *
     * @throws IllegalArgumentException for an unknown name or steps out of [1, {@link #MAX_STEPS}]
     */
    static SamplerSpec of(String name, int steps) {
        SamplerSpec defaults = SamplerKind.byName(name).defaults();
        return defaults instanceof FixedSteps ? SamplerOptions.with(defaults, "steps", steps) : defaults;
    }

    /** A sampler that runs a configured number of steps N. */
    sealed interface FixedSteps extends SamplerSpec permits Euler, Heun, Rk4, Em, EdmHeun, EdmSde {
        @Override
        int steps();
    }

    /** Explicit Euler on the probability-flow ODE; {@code steps} N (default 100), N NFE. */
    record Euler(int steps) implements FixedSteps {
        public static final Euler DEFAULTS = new Euler(100);

        public Euler {
            checkSteps("euler", steps);
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.EULER;
        }

        @Override
        public String label() {
            return name() + "-" + steps;
        }
    }

    /** Heun's second-order method (trapezoidal predictor-corrector); {@code steps} N (default 100), 2N - 1 NFE. */
    record Heun(int steps) implements FixedSteps {
        public static final Heun DEFAULTS = new Heun(100);

        public Heun {
            checkSteps("heun", steps);
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.HEUN;
        }

        @Override
        public String label() {
            return name() + "-" + steps;
        }
    }

    /** Classical fourth-order Runge-Kutta; {@code steps} N (default 100), 4N NFE. */
    record Rk4(int steps) implements FixedSteps {
        public static final Rk4 DEFAULTS = new Rk4(100);

        public Rk4 {
            checkSteps("rk4", steps);
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.RK4;
        }

        @Override
        public String label() {
            return name() + "-" + steps;
        }
    }

    /**
     * Adaptive Dormand-Prince 5(4) (Dormand and Prince 1980).
     *
     * @param tolerance relative and absolute tolerance, in [1e-7, 1) (default 1e-4): below float32's
     *     precision (about 1e-7) the step control chases rounding noise
     * @param maxSteps most step attempts before the sampler gives up, in [1, {@link #MAX_STEPS}] (default
     *     10,000); it does not change the samples of a run that finishes, so it is not in the label
     */
    record Dopri5(double tolerance, int maxSteps) implements SamplerSpec {
        public static final Dopri5 DEFAULTS = new Dopri5(1e-4, 10_000);

        public Dopri5 {
            check(tolerance >= 1e-7 && tolerance < 1, "dopri5", "tolerance must be in [1e-7, 1), got " + tolerance);
            check(maxSteps >= 1 && maxSteps <= MAX_STEPS, "dopri5",
                    "maxSteps must be in [1, " + MAX_STEPS + "], got " + maxSteps);
        }

        /** The defaults with another tolerance. */
        public static Dopri5 withTolerance(double tolerance) {
            return new Dopri5(tolerance, DEFAULTS.maxSteps());
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.DOPRI5;
        }

        @Override
        public String label() {
            return name() + "-tol" + tolerance;
        }
    }

    /**
     * Euler-Maruyama on the SDE {@code dX = (b + eps s) dt + sqrt(2 eps) dW} (Albergo, Boffi and
     * Vanden-Eijnden 2023), noise-free last step; N NFE.
     *
     * @param steps N, in [1, {@link #MAX_STEPS}] (default 100)
     * @param eps constant diffusion coefficient, finite and >= 0 (default 1; 0 is the probability-flow ODE)
     */
    record Em(int steps, double eps) implements FixedSteps {
        public static final Em DEFAULTS = new Em(100, 1.0);

        public Em {
            checkSteps("em", steps);
            check(eps >= 0 && Double.isFinite(eps), "em", "eps must be finite and >= 0, got " + eps);
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.EM;
        }

        @Override
        public String label() {
            return name() + "-" + steps + "-eps" + eps;
        }
    }

    /**
     * EDM's deterministic sampler, Algorithm 1 of Karras, Aittala, Aila and Laine 2022, on the noise levels
     * {@code sigma_i = (smax^(1/rho) + i/(N-1) (smin^(1/rho) - smax^(1/rho)))^rho}; 2N - 1 NFE.
     *
     * @param steps N, in [1, {@link #MAX_STEPS}] (default 100; EDM used 18)
     * @param rho exponent of the noise levels, in [{@link #MIN_RHO}, {@link #MAX_RHO}] (default 7, EDM
     *     Table 1); in the label only when it is not the default
     */
    record EdmHeun(int steps, double rho) implements FixedSteps {
        public static final EdmHeun DEFAULTS = new EdmHeun(100, 7);

        public EdmHeun {
            checkSteps("edm-heun", steps);
            checkRho("edm-heun", rho);
        }

        /** The defaults with another step count. */
        public static EdmHeun ofSteps(int steps) {
            return new EdmHeun(steps, DEFAULTS.rho());
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.EDM_HEUN;
        }

        @Override
        public String label() {
            return name() + "-" + steps + (rho == DEFAULTS.rho() ? "" : "-rho" + rho);
        }
    }

    /**
     * EDM's stochastic sampler, Algorithm 2 of Karras et al. 2022: at noise levels sigma_i in
     * [S_tmin, S_tmax] it raises the noise by {@code gamma = min(S_churn / N, sqrt(2) - 1)} with fresh noise
     * of standard deviation S_noise, then takes a Heun step; 2N - 1 NFE. Defaults of S_tmin, S_tmax and
     * S_noise are the paper's (Table 5); options other than steps and churn appear in the label only when
     * they differ from their defaults (e.g. {@code edm-sde-40-churn40.0-snoise1.0}).
     *
     * @param steps N, in [1, {@link #MAX_STEPS}] (default 100)
     * @param churn S_churn, finite and >= 0 (default 40)
     * @param sTmin S_tmin, lowest noise level that gets churn, finite and >= 0 (default 0.05)
     * @param sTmax S_tmax, highest noise level that gets churn, finite and >= sTmin (default 50)
     * @param sNoise S_noise, standard deviation of the added noise, in (0, {@link #MAX_S_NOISE}] (default
     *     1.003)
     * @param rho exponent of the noise levels, in [{@link #MIN_RHO}, {@link #MAX_RHO}] (default 7)
     */
    record EdmSde(int steps, double churn, double sTmin, double sTmax, double sNoise, double rho) implements FixedSteps {
        public static final EdmSde DEFAULTS = new EdmSde(100, 40, 0.05, 50, 1.003, 7);

        public EdmSde {
            checkSteps("edm-sde", steps);
            check(churn >= 0 && Double.isFinite(churn), "edm-sde", "churn must be finite and >= 0, got " + churn);
            check(sTmin >= 0 && Double.isFinite(sTmin), "edm-sde", "sTmin must be finite and >= 0, got " + sTmin);
            check(sTmax >= sTmin && Double.isFinite(sTmax), "edm-sde",
                    "sTmax must be finite and >= sTmin = " + sTmin + ", got " + sTmax);
            check(sNoise > 0 && sNoise <= MAX_S_NOISE, "edm-sde", "sNoise must be in (0, " + MAX_S_NOISE + "], got "
                    + sNoise);
            checkRho("edm-sde", rho);
        }

        /** The defaults with another step count and churn. */
        public static EdmSde of(int steps, double churn) {
            return new EdmSde(steps, churn, DEFAULTS.sTmin(), DEFAULTS.sTmax(), DEFAULTS.sNoise(), DEFAULTS.rho());
        }

        @Override
        public SamplerKind kind() {
            return SamplerKind.EDM_SDE;
        }

        @Override
        public String label() {
            return name() + "-" + steps + "-churn" + churn
                    + (sTmin == DEFAULTS.sTmin() ? "" : "-tmin" + sTmin)
                    + (sTmax == DEFAULTS.sTmax() ? "" : "-tmax" + sTmax)
                    + (sNoise == DEFAULTS.sNoise() ? "" : "-snoise" + sNoise)
                    + (rho == DEFAULTS.rho() ? "" : "-rho" + rho);
        }
    }

    /** One pass from the prior through the decoder (VAEs); no options, 1 NFE. */
    record Ancestral() implements SamplerSpec {
        public static final Ancestral DEFAULTS = new Ancestral();

        @Override
        public SamplerKind kind() {
            return SamplerKind.ANCESTRAL;
        }

        @Override
        public String label() {
            return name();
        }
    }

    private static void checkSteps(String sampler, int steps) {
        check(steps >= 1 && steps <= MAX_STEPS, sampler, "steps must be in [1, " + MAX_STEPS + "], got " + steps);
    }

    private static void checkRho(String sampler, double rho) {
        check(rho >= MIN_RHO && rho <= MAX_RHO, sampler, "rho must be in [" + MIN_RHO + ", " + MAX_RHO + "], got " + rho);
    }

    private static void check(boolean ok, String sampler, String message) {
        if (!ok) {
            throw new IllegalArgumentException("sampler " + sampler + ": " + message);
        }
    }
}
