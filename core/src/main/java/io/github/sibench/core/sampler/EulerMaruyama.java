package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.Drift;
import io.github.sibench.core.field.VelocityScoreField;
import io.github.sibench.core.random.Noise;
import java.util.function.DoubleUnaryOperator;

/**
 * Euler-Maruyama for the SDE with tunable diffusion {@code eps(t) >= 0} of Albergo, Boffi and
 * Vanden-Eijnden, "Stochastic interpolants" (2023), section 2.3 (SPEC section 2), on a uniform grid.
 *
 * <p>Backward in time (generation, t from 1 to 0, {@code dt = t_{i+1} - t_i < 0}):
 *
 * <pre>
 *   X_{i+1} = X_i + (b(t_i, X_i) - eps(t_i) score(t_i, X_i)) dt + sqrt(2 eps(t_i) |dt|) xi_i,  xi_i ~ N(0, I)
 * </pre>
 *
 * <p>Derivation: the marginals rho_t of the interpolant satisfy the transport equation
 * {@code d_t rho + div(b rho) = 0}. Since {@code rho score = grad rho}, adding
 * {@code eps (Laplacian rho - div(rho score)) = 0} gives the forward Fokker-Planck equation of
 * {@code dX = (b + eps score) dt + sqrt(2 eps) dW}; in reversed time {@code tau = 1 - t} the same marginals
 * solve {@code d_tau rho = div((b - eps score) rho) + eps Laplacian rho}, the Fokker-Planck equation of
 * {@code dY = -(b - eps score) dtau + sqrt(2 eps) dW}, which is the update above with dt = -dtau. Both
 * directions are the single formula {@code X + b dt + eps score |dt| + sqrt(2 eps |dt|) xi}, which is what
 * is implemented; eps = 0 is the probability-flow ODE with Euler steps.
 *
 * <p>One field call (velocity and score together) per step: N steps cost N NFE.
 *
 * @param steps number of steps N >= 1
 * @param eps diffusion coefficient eps(t) >= 0 (checked at every step)
 * @param noiseFreeLastStep use eps = 0 on the last step (no score, no noise): the score is singular at
 *     t = 0 for data on a manifold, and noise injected on the last step would never be removed
 */
public record EulerMaruyama(int steps, DoubleUnaryOperator eps, boolean noiseFreeLastStep) implements SdeSampler {

    public EulerMaruyama {
        Steps.positiveSteps("em", steps);
        if (eps == null) {
            throw new IllegalArgumentException("em: eps must not be null");
        }
    }

    /** Constant diffusion {@code eps}, noise-free last step. */
    public EulerMaruyama(int steps, double eps) {
        this(steps, t -> eps, true);
    }

    @Override
    public String name() {
        return "em";
    }

    @Override
    public Samples sample(VelocityScoreField f, NDArray xStart, double tStart, double tEnd, Noise noise) {
        Steps.checkTimes(name(), tStart, tEnd);
        double h = (tEnd - tStart) / steps;
        NDArray x = Steps.iterate(xStart, steps, (i, xi) -> {
            double t = tStart + i * h;
            double dt = (i == steps - 1 ? tEnd : tStart + (i + 1) * h) - t;
            boolean quiet = noiseFreeLastStep && i == steps - 1;
            return step(f, xi, t, dt, quiet ? 0 : diffusion(t), noise);
        });
        return new Samples(x, steps);
    }

    private double diffusion(double t) {
        double e = eps.applyAsDouble(t);
        if (!(e >= 0) || !Double.isFinite(e)) {
            throw new IllegalArgumentException("em: eps(" + t + ") = " + e + ", must be finite and >= 0");
        }
        return e;
    }

    private static NDArray step(VelocityScoreField f, NDArray x, double t, double dt, double e, Noise noise) {
        Drift d = f.at(t, x);
        NDArray next = x.add(d.velocity().mul(dt));
        if (e == 0) {
            return next;
        }
        NDArray xi = noise.normalLike(x);
        return next.add(d.score().mul(e * Math.abs(dt))).add(xi.mul(Math.sqrt(2 * e * Math.abs(dt))));
    }
}
