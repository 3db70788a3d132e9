package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.VectorField;

/**
 * Explicit Euler: {@code x_{i+1} = x_i + (t_{i+1} - t_i) f(t_i, x_i)} (Hairer, Norsett and Wanner, "Solving
 * Ordinary Differential Equations I", section I.7). First order; N steps cost N NFE (SPEC section 2).
 *
 * @param steps number of steps N >= 1
 */
public record Euler(int steps) implements FixedStepOdeSampler {

    public Euler {
        Steps.positiveSteps("euler", steps);
    }

    @Override
    public int nfe() {
        return steps;
    }

    @Override
    public NDArray step(VectorField f, NDArray x, double t, double tNext, boolean last) {
        return x.add(f.at(t, x).mul(tNext - t));
    }

    @Override
    public String name() {
        return "euler";
    }
}
