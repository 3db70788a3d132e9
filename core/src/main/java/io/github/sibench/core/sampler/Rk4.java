package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.VectorField;

/**
 * The classical fourth-order Runge-Kutta method (Kutta 1901), with h = t_{i+1} - t_i:
 *
 * <pre>
 *   k1 = f(t, x),  k2 = f(t + h/2, x + h/2 k1),  k3 = f(t + h/2, x + h/2 k2),  k4 = f(t + h, x + h k3)
 *   x_{i+1} = x + (h / 6) (k1 + 2 k2 + 2 k3 + k4)
 * </pre>
 *
 * N steps cost 4N NFE.
 *
 * @param steps number of steps N >= 1
 */
public record Rk4(int steps) implements FixedStepOdeSampler {

    private static final double[] WEIGHTS = {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6};
    private static final double[] ONE = {1};

    public Rk4 {
        Steps.positiveSteps("rk4", steps);
    }

    @Override
    public int nfe() {
        return 4 * steps;
    }

    @Override
    public NDArray step(VectorField f, NDArray x, double t, double tNext, boolean last) {
        double h = tNext - t;
        double mid = t + h / 2;
        NDArray k1 = f.at(t, x);
        NDArray k2 = stage(f, mid, x, h / 2, k1);
        NDArray k3 = stage(f, mid, x, h / 2, k2);
        NDArray k4 = stage(f, tNext, x, h, k3);
        return Steps.combine(x, h, WEIGHTS, k1, k2, k3, k4);
    }

    /** {@code f(s, x + a k)}, closing the stage point as soon as it has been used. */
    private static NDArray stage(VectorField f, double s, NDArray x, double a, NDArray k) {
        NDArray point = Steps.combine(x, a, ONE, k);
        NDArray value = f.at(s, point);
        Steps.releaseStage(point, value);
        return value;
    }

    @Override
    public String name() {
        return "rk4";
    }
}
