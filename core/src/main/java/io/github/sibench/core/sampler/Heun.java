package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.VectorField;

/**
 * Heun's method (explicit trapezoid; Heun 1900, Hairer, Norsett and Wanner, "Solving Ordinary Differential
 * Equations I", section II.1), second order, with h = t_{i+1} - t_i:
 *
 * <pre>
 *   k1 = f(t_i, x_i),  x~ = x_i + h k1,  k2 = f(t_{i+1}, x~),  x_{i+1} = x_i + (h / 2) (k1 + k2)
 * </pre>
 *
 * <p>As in Karras et al. 2022 (EDM, Algorithm 1) the corrector is skipped on the last step, which is a
 * plain Euler step: N steps cost 2N - 1 NFE (SPEC section 2) and the global order stays 2.
 *
 * @param steps number of steps N >= 1
 */
public record Heun(int steps) implements FixedStepOdeSampler {

    public Heun {
        Steps.positiveSteps("heun", steps);
    }

    @Override
    public int nfe() {
        return 2 * steps - 1;
    }

    @Override
    public NDArray step(VectorField f, NDArray x, double t, double tNext, boolean last) {
        double h = tNext - t;
        NDArray k1 = f.at(t, x);
        NDArray predicted = x.add(k1.mul(h));
        if (last) {
            return predicted;
        }
        NDArray k2 = f.at(tNext, predicted);
        return x.add(k1.add(k2).mul(h / 2));
    }

    @Override
    public String name() {
        return "heun";
    }
}
