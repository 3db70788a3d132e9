package io.github.sibench.core.field;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.interpolant.Coefficients;
import io.github.sibench.core.interpolant.Interpolant;
import io.github.sibench.core.path.PathSample;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a network regresses on an interpolant's path, and the exact conversions from its prediction to the
 * velocity and score a sampler needs: derived once here, so that every model converts the same way.
 *
 * <p>Notation (SPEC sections 2-3): {@code x = alpha x0 + beta x1 + gamma z}, data x0 at t = 0, noise x1 at
 * t = 1; {@code s^2 = beta^2 + gamma^2} and the normalised total noise {@code n = (beta x1 + gamma z) / s}
 * (x1 itself when gamma = 0), so that {@code x = alpha x0 + s n}. Every prediction is a conditional mean
 * {@code p(t, x) = E[a x0 + c n | x_t = x]} with scalars a, c fixed by t, and together with the identity
 * {@code x = alpha x0 + s n} it determines both posterior means, by the 2 x 2 system
 * <pre>
 *   E[x0 | x] = (c x - s p) / det,   E[n | x] = (alpha p - a x) / det,   det = alpha c - s a.
 * </pre>
 * The fields follow: the score {@code grad log rho_t(x) = -E[n | x] / s} (Tweedie; any gamma) and, for
 * gamma = 0, the probability-flow velocity {@code b = alpha' E[x0 | x] + beta' E[x1 | x]}. Both are
 * {@code k_x x + k_p p} with two scalars that {@link #velocity(Coefficients)} and {@link #score(Coefficients)}
 * compute in double from the {@link Coefficients}; applying them to a batch is two scalings and one add,
 * and no posterior mean is formed as an array (a float {@code (x - s p) / alpha} would lose digits for
 * nothing where alpha is small). With {@code A = alpha, B = beta, A' = alpha', B' = beta'} and
 * {@code h = B B'} ({@link Coefficients#halfNoiseVarianceDot()}, finite where B' is not):
 *
 * <table>
 *   <caption>target, velocity and score of each prediction (gamma = 0 for the velocity)</caption>
 *   <tr><th>prediction</th><th>target (a, c)</th><th>velocity k_x, k_p</th><th>score k_x, k_p</th></tr>
 *   <tr><td>{@link #EPS} E[n | x]</td><td>(0, 1)</td><td>A'/A, B' - (A'/A) B</td><td>0, -1/s</td></tr>
 *   <tr><td>{@link #X0} E[x0 | x]</td><td>(1, 0)</td><td>B'/B, A' - A B'/B</td><td>-1/s^2, A/s^2</td></tr>
 *   <tr><td>{@link #VELOCITY} b</td><td>(A', B')</td><td>0, 1</td>
 *       <td>A'/q, -A/q with q = A h - A' B^2</td></tr>
 *   <tr><td>{@link #V} v</td><td>(-s/r, A/r)</td><td>(A A' + h)/r^2, (A B' - A' B)/r</td>
 *       <td>-1/r^2, -A/(s r)</td></tr>
 * </table>
 *
 * <p>with {@code r = sqrt(A^2 + s^2)}. <b>v</b> is Salimans and Ho's v-parametrisation ("Progressive
 * Distillation for Fast Sampling of Diffusion Models", ICLR 2022, section 4 and appendix D), written in this
 * project's convention: with {@code cos phi = A / r} and {@code sin phi = s / r}, the pair
 * {@code (x / r, v)} is the rotation of {@code (x0, n)} by the angle phi,
 * <pre>
 *   x / r = cos phi x0 + sin phi n,   v = -sin phi x0 + cos phi n = (A n - s x0) / r,
 *   x0 = cos phi (x / r) - sin phi v,   n = sin phi (x / r) + cos phi v,
 * </pre>
 * so {@code v = d(x / r) / d phi}, the velocity in angle time. For VP (r = 1, their alpha_t = A, sigma_t = B,
 * epsilon = x1): {@code v = A x1 - B x0}, {@code x0 = A x - B v}, {@code x1 = B x + A v}. Its target has
 * unit variance whenever x0 has (z-scored data), at every t, and no coefficient above blows up where
 * A or s vanishes except through the score's {@code 1/s}; that is why it is the robust default for
 * diffusion (eps needs {@code 1/A}, x0 needs {@code 1/B}). For other interpolants the same definition holds
 * with {@code r != 1}; for the linear one it is not the flow-matching velocity.
 *
 * <p>Singular points (the field is not determined by the prediction there) are reported as an
 * {@link IllegalArgumentException}: EPS where A = 0 (e.g. t = 1 of the linear path), X0 and every score
 * where s = 0 (t = 0), VELOCITY's score where q = 0. Velocities need gamma = 0 (with a latent,
 * {@code gamma' E[z | x]} is not a function of one prediction), except {@link #VELOCITY}'s own; so does
 * VELOCITY's score.
 */
public enum Prediction {

    /** Noise prediction {@code E[n | x]} (DDPM's epsilon, Ho et al. 2020; = E[x1 | x] when gamma = 0). */
    EPS {
        @Override
        public Combination target(Coefficients c) {
            return new Combination(0, 1);
        }

        @Override
        Combination unsafeVelocity(Coefficients c) {
            double kx = c.alphaDot() / c.alpha();
            return new Combination(kx, c.betaDot() - kx * c.beta());
        }

        @Override
        Combination unsafeScore(Coefficients c) {
            return new Combination(0, -1 / c.noiseStd());
        }
    },

    /** Data prediction {@code E[x0 | x]}, the denoiser (EDM's D(x; sigma) on the VE path). */
    X0 {
        @Override
        public Combination target(Coefficients c) {
            return new Combination(1, 0);
        }

        @Override
        Combination unsafeVelocity(Coefficients c) {
            double ratio = c.betaDot() / c.beta();
            return new Combination(ratio, c.alphaDot() - c.alpha() * ratio);
        }

        @Override
        Combination unsafeScore(Coefficients c) {
            double s2 = c.noiseVariance();
            return new Combination(-1 / s2, c.alpha() / s2);
        }
    },

    /** Velocity prediction {@code b = E[alpha' x0 + beta' x1 + gamma' z | x]} (flow matching). */
    VELOCITY {
        @Override
        public Combination target(Coefficients c) {
            requireNoLatent(c, "target");
            return new Combination(c.alphaDot(), c.betaDot());
        }

        @Override
        Combination unsafeVelocity(Coefficients c) {
            return new Combination(0, 1);
        }

        @Override
        Combination unsafeScore(Coefficients c) {
            requireNoLatent(c, "score");
            // -E[x1 | x] / B with E[x1 | x] = (A p - A' x) / (A B' - A' B); times B: q = A h - A' B^2
            double q = c.alpha() * c.halfNoiseVarianceDot() - c.alphaDot() * c.beta() * c.beta();
            return new Combination(c.alphaDot() / q, -c.alpha() / q);
        }

        @Override
        void checkVelocity(Coefficients c) {
            // the prediction is the velocity, latent or not
        }
    },

    /** Salimans and Ho's v-prediction {@code E[(A n - s x0) / r | x]}, {@code r = sqrt(A^2 + s^2)}. */
    V {
        @Override
        public Combination target(Coefficients c) {
            double r = radius(c);
            return new Combination(-c.noiseStd() / r, c.alpha() / r);
        }

        @Override
        Combination unsafeVelocity(Coefficients c) {
            double r = radius(c);
            double r2 = c.alpha() * c.alpha() + c.noiseVariance();
            return new Combination((c.alpha() * c.alphaDot() + c.halfNoiseVarianceDot()) / r2,
                    (c.alpha() * c.betaDot() - c.alphaDot() * c.beta()) / r);
        }

        @Override
        Combination unsafeScore(Coefficients c) {
            double r = radius(c);
            return new Combination(-1 / (r * r), -c.alpha() / (c.noiseStd() * r));
        }
    };

    /**
     * A field that is linear in the points and the prediction, {@code x * x + prediction * p}.
     *
     * @param x coefficient of the points x
     * @param prediction coefficient of the network's prediction p
     */
    public record Combination(double x, double prediction) {

        /**
         * {@code x * points + prediction * p} on a batch: at most two scalings and one in-place add, in the
         * batch's type and on the points' manager. Neither input is closed or modified; the result is new.
         */
        public NDArray apply(NDArray points, NDArray p) {
            if (x == 0) {
                return p.mul(prediction);
            }
            if (prediction == 0) {
                return points.mul(x);
            }
            try (NDArray scaled = p.mul(prediction)) {
                return points.mul(x).addi(scaled);
            }
        }

        boolean isFinite() {
            return Double.isFinite(x) && Double.isFinite(prediction);
        }
    }

    /** The regression target {@code a x0 + c n} as its two weights {@code (a, c)} (class table). */
    public abstract Combination target(Coefficients c);

    abstract Combination unsafeVelocity(Coefficients c);

    abstract Combination unsafeScore(Coefficients c);

    void checkVelocity(Coefficients c) {
        requireNoLatent(c, "velocity");
    }

    /**
     * The probability-flow velocity {@code b = k_x x + k_p p} as its two scalars (class table).
     *
     * @throws IllegalArgumentException where the interpolant has a latent (gamma != 0; except for
     *     {@link #VELOCITY}) or the velocity is not determined by the prediction (a coefficient not finite)
     */
    public Combination velocity(Coefficients c) {
        checkVelocity(c);
        return finite(unsafeVelocity(c), c, "velocity");
    }

    /**
     * The score {@code grad log rho_t(x) = -E[n | x] / s = k_x x + k_p p} as its two scalars (class table).
     *
     * @throws IllegalArgumentException where s = 0 or the score is not determined by the prediction
     */
    public Combination score(Coefficients c) {
        if (!(c.noiseStd() > 0)) {
            throw new IllegalArgumentException("prediction " + configName() + ": the score is singular at t = " + c.t()
                    + " (no noise)");
        }
        return finite(unsafeScore(c), c, "score");
    }

    /** The posterior mean {@code E[x0 | x] = (c x - s p) / det} as its two scalars (class comment). */
    public Combination data(Coefficients c) {
        Combination w = target(c);
        double det = c.alpha() * w.prediction() - c.noiseStd() * w.x();
        return finite(new Combination(w.prediction() / det, -c.noiseStd() / det), c, "data");
    }

    /** The posterior mean {@code E[n | x] = (alpha p - a x) / det} as its two scalars (class comment). */
    public Combination noise(Coefficients c) {
        Combination w = target(c);
        double det = c.alpha() * w.prediction() - c.noiseStd() * w.x();
        return finite(new Combination(-w.x() / det, c.alpha() / det), c, "noise");
    }

    /** The velocity at one time for a batch: {@code velocity(c).apply(x, p)}. Neither input is closed. */
    public NDArray velocity(Coefficients c, NDArray x, NDArray p) {
        return velocity(c).apply(x, p);
    }

    /** The score at one time for a batch: {@code score(c).apply(x, p)}. Neither input is closed. */
    public NDArray score(Coefficients c, NDArray x, NDArray p) {
        return score(c).apply(x, p);
    }

    /** Velocity and score from one prediction (one network pass: one NFE). Neither input is closed. */
    public Drift drift(Coefficients c, NDArray x, NDArray p) {
        Combination v = velocity(c);
        Combination s = score(c);
        return new Drift(v.apply(x, p), s.apply(x, p));
    }

    /**
     * The regression target of a path batch, row i at time {@code t[i]}: the normalised noise for
     * {@link #EPS}, x0 for {@link #X0}, the velocity target for {@link #VELOCITY} (any gamma) and
     * {@code a_i x0 + c_i n} for {@link #V} (the per-row weights cross to native memory as one (n, 2) array).
     * A new array on {@code x0}'s manager; nothing is closed.
     *
     * @param interpolant the path the sample was drawn on
     * @param t the sample's times, length n
     * @param x0 the data of the sample, shape (n, d)
     * @param sample the path batch drawn from x0 at the times t
     */
    public NDArray target(Interpolant interpolant, double[] t, NDArray x0, PathSample sample) {
        return switch (this) {
            case EPS -> sample.noise().duplicate();
            case X0 -> x0.duplicate();
            case VELOCITY -> sample.velocity().duplicate();
            case V -> weighted(interpolant, t, x0, sample.noise());
        };
    }

    /** {@code a_i x0 + c_i n} with the per-row target weights of {@link #target(Coefficients)}. */
    private NDArray weighted(Interpolant interpolant, double[] t, NDArray x0, NDArray noise) {
        int n = t.length;
        float[] w = new float[2 * n];
        for (int i = 0; i < n; i++) {
            Combination c = target(interpolant.at(t[i]));
            w[2 * i] = (float) c.x();
            w[2 * i + 1] = (float) c.prediction();
        }
        try (NDArray weights = x0.getManager().create(w, new Shape(n, 2));
                NDArray onData = weights.get(":, 0:1");
                NDArray onNoise = weights.get(":, 1:2");
                NDArray noisePart = noise.mul(onNoise)) {
            return x0.mul(onData).addi(noisePart);
        }
    }

    /** Name in configs and reports: {@code eps}, {@code x0}, {@code velocity}, {@code v}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@link #configName()}, so that a plain to-string serialiser writes the config name. */
    @Override
    public String toString() {
        return configName();
    }

    /** The prediction named {@code name} (case and surrounding blanks ignored). */
    public static Prediction byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Prediction p : values()) {
            if (p.configName().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("prediction: unknown '" + name + "'; known: " + names());
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Prediction::configName).toList();
    }

    private static double radius(Coefficients c) {
        return Math.sqrt(c.alpha() * c.alpha() + c.noiseVariance());
    }

    private static void requireNoLatent(Coefficients c, String what) {
        if (c.gamma() != 0) {
            throw new IllegalArgumentException("prediction: the " + what + " needs gamma = 0, got gamma = "
                    + c.gamma() + " at t = " + c.t());
        }
    }

    private Combination finite(Combination k, Coefficients c, String what) {
        if (!k.isFinite()) {
            throw new IllegalArgumentException("prediction " + configName() + ": the " + what + " is singular at t = "
                    + c.t() + " (alpha = " + c.alpha() + ", beta = " + c.beta() + ")");
        }
        return k;
    }
}
