package io.github.sibench.core.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.function.Supplier;

/**
 * Runs one step of a loop so that native memory stays flat: every NDArray created during the step is
 * closed when it ends, except the returned one (which stays with the manager it was attached to).
 *
 * <p>Without this, each op's result stays attached to its input's manager until that manager closes,
 * native memory grows with the number of steps and every op slows down. Use it for inference loops
 * (samplers, metrics); it must not wrap code that creates arrays meant to outlive the step (lazy
 * parameter or optimizer-state initialisation).
 */
public final class Scoped {

    private Scoped() {}

    /** Runs {@code step} in its own {@link NDScope} and keeps only its result. */
    public static NDArray run(Supplier<NDArray> step) {
        try (NDScope scope = new NDScope()) {
            NDArray result = step.get();
            NDScope.unregister(result);
            return result;
        }
    }

    /**
     * Number of native arrays alive in this process, over every manager (a diagnostic: tests check that
     * it stays flat over many loop steps).
     */
    public static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
