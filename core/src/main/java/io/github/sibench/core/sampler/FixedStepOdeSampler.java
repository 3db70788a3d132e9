package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.VectorField;

/**
 * A one-step ODE scheme on the uniform grid {@code t_i = tStart + i (tEnd - tStart) / N}, i = 0..N.
 *
 * <p>Implementations give one step {@code x_{i+1} = step(f, x_i, t_i, t_{i+1})} and their NFE count; the
 * loop (scoped memory, closing of intermediates, exact end time) is shared here.
 */
public interface FixedStepOdeSampler extends OdeSampler {

    /** Number of steps N. */
    int steps();

    /** Field evaluations per sample for {@link #steps()} steps. */
    int nfe();

    /**
     * One step from {@code (t, x)} to {@code tNext}; {@code last} is true on the final step. Returns a new
     * array; temporaries may be left open (the caller runs the step in its own scope).
     */
    NDArray step(VectorField f, NDArray x, double t, double tNext, boolean last);

    @Override
    default Samples sample(VectorField f, NDArray xStart, double tStart, double tEnd) {
        Steps.checkTimes(name(), tStart, tEnd);
        int n = steps();
        double h = (tEnd - tStart) / n;
        NDArray x = Steps.iterate(xStart, n, (i, xi) -> {
            double t = tStart + i * h;
            double tNext = i == n - 1 ? tEnd : tStart + (i + 1) * h;
            return step(f, xi, t, tNext, i == n - 1);
        });
        return new Samples(x, nfe());
    }
}
