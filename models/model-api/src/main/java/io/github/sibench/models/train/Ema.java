package io.github.sibench.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Exponential moving average of a network's weights, {@code ema <- ema + (1 - decay) (w - ema)}
 * (Polyak and Juditsky 1992; the standard practice for diffusion models, e.g. Ho et al. 2020). DJL has
 * none built in. It averages the flat array of every weight ({@link FlatParameters}), so one update is
 * three native ops whatever the number of parameters; the average lives in its own manager.
 */
public final class Ema implements AutoCloseable {

    private final NDManager manager;
    private final NDArray weights;
    private final NDArray average;
    private final NDArray rate;

    /**
     * @param weights the weights, one flat array updated in place by the optimiser
     * @param decay EMA decay in [0, 1)
     * @param parent manager the average's manager is made under
     */
    public Ema(NDArray weights, double decay, NDManager parent) {
        this.manager = parent.newSubManager();
        this.weights = weights;
        this.average = weights.duplicate();
        average.attach(manager);
        this.rate = manager.create((float) (1 - decay));
    }

    /** One EMA update after an optimiser step, in place: {@code ema += (w - ema) (1 - decay)}. */
    public void update() {
        try (NDArray diff = weights.sub(average)) {
            average.addi(diff.muli(rate));
        }
    }

    /** The average, laid out like the weights. */
    public NDArray average() {
        return average;
    }

    @Override
    public void close() {
        manager.close();
    }
}
