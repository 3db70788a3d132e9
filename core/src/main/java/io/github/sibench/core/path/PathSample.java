package io.github.sibench.core.path;

import ai.djl.ndarray.NDArray;
import java.util.function.Supplier;

/**
 * One batch drawn on an interpolant's path, with the regression targets of SPEC section 3. The targets are
 * computed on first use (a loss needs one of them; each costs a few native ops per step), on the batch's
 * manager, so read them while it is open.
 *
 * <p>Components: {@link #t()} the times, shape (n, 1); {@link #xt()} {@code x_t = alpha x0 + beta x1 + gamma
 * z}, shape (n, d); {@link #velocity()} the velocity target {@code alpha' x0 + beta' x1 + gamma' z}, shape
 * (n, d), whose conditional mean given x_t is the velocity field b(t, x); {@link #noise()} the normalised
 * noise target {@code (beta x1 + gamma z) / s}, {@code s^2 = beta^2 + gamma^2}, shape (n, d), whose
 * conditional mean eps(t, x) gives the score {@code -eps / s} (for VP diffusion this is DDPM's epsilon;
 * where s = 0 it is x1).
 */
public final class PathSample {

    private final NDArray t;
    private final NDArray xt;
    private Supplier<NDArray> velocity;
    private Supplier<NDArray> noise;
    private NDArray velocityValue;
    private NDArray noiseValue;

    PathSample(NDArray t, NDArray xt, Supplier<NDArray> velocity, Supplier<NDArray> noise) {
        this.t = t;
        this.xt = xt;
        this.velocity = velocity;
        this.noise = noise;
    }

    /** The times, shape (n, 1). */
    public NDArray t() {
        return t;
    }

    /** {@code x_t}, shape (n, d). */
    public NDArray xt() {
        return xt;
    }

    /** The velocity target {@code alpha' x0 + beta' x1 + gamma' z}, shape (n, d). */
    public NDArray velocity() {
        if (velocityValue == null) {
            velocityValue = velocity.get();
            velocity = null;
        }
        return velocityValue;
    }

    /** The normalised noise target {@code (beta x1 + gamma z) / s} (x1 where s = 0), shape (n, d). */
    public NDArray noise() {
        if (noiseValue == null) {
            noiseValue = noise.get();
            noise = null;
        }
        return noiseValue;
    }
}
