package io.github.sibench.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Exponential moving average of a network's weights, {@code ema <- ema + (1 - decay) (w - ema)}
 * (Polyak and Juditsky 1992; the standard practice for diffusion models, e.g. Ho et al. 2020). DJL has
 * none built in. The averages live in their own manager; {@link #copyToWeights()} loads them into the
 * network for sampling.
 */
public final class Ema implements AutoCloseable {

    private final NDManager manager;
    private final double decay;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> averages = new ArrayList<>();

    public Ema(PairList<String, Parameter> parameters, double decay, NDManager parent) {
        this.decay = decay;
        this.manager = parent.newSubManager();
        for (Pair<String, Parameter> p : parameters) {
            NDArray w = p.getValue().getArray();
            weights.add(w);
            NDArray copy = w.duplicate();
            copy.attach(manager);
            averages.add(copy);
        }
    }

    /** One EMA update after an optimiser step. */
    public void update() {
        float rate = (float) (1 - decay);
        for (int i = 0; i < weights.size(); i++) {
            NDArray avg = averages.get(i);
            try (NDArray diff = weights.get(i).sub(avg)) {
                avg.addi(diff.muli(rate));
            }
        }
    }

    /**
     * Overwrites the network's weights with their averages, in place. An indexed assignment rather than
     * {@code copyTo}: PyTorch's copy into an array that requires gradients goes through a deprecated
     * dispatch guard and prints a native warning on the console.
     */
    public void copyToWeights() {
        NDIndex all = new NDIndex(":");
        for (int i = 0; i < weights.size(); i++) {
            weights.get(i).set(all, averages.get(i));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
