package io.github.sibench.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Exponential moving average of a network's weights, {@code ema <- ema + (1 - decay) (w - ema)}
 * (Polyak and Juditsky 1992; the standard practice for diffusion models, e.g. Ho et al. 2020). DJL has
 * none built in. Three native ops per weight array, in place (with the flat layout of
 * {@link FlatParameters}, three in all); the averages live in their own manager.
 */
public final class Ema implements AutoCloseable {

    private final NDManager manager;
    private final List<NDArray> weights;
    private final List<NDArray> averages = new ArrayList<>();
    private final NDArray rate;

    /**
     * @param weights the weight arrays, updated in place by the optimiser
     * @param decay EMA decay in [0, 1)
     * @param parent manager the averages' manager is made under
     */
    public Ema(List<NDArray> weights, double decay, NDManager parent) {
        this.manager = parent.newSubManager();
        this.weights = List.copyOf(weights);
        for (NDArray w : weights) {
            NDArray copy = w.duplicate();
            copy.attach(manager);
            averages.add(copy);
        }
        this.rate = manager.create((float) (1 - decay));
    }

    /** One EMA update after an optimiser step, in place: {@code ema += (w - ema) (1 - decay)}. */
    public void update() {
        for (int i = 0; i < weights.size(); i++) {
            NDArray avg = averages.get(i);
            try (NDArray diff = weights.get(i).sub(avg)) {
                avg.addi(diff.muli(rate));
            }
        }
    }

    /** The averages, one per weight array. */
    public List<NDArray> averages() {
        return averages;
    }

    @Override
    public void close() {
        manager.close();
    }
}
