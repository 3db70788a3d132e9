package io.github.sibench.models.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * How a training run holds and updates a network's weights. Two layouts, with the same arithmetic on every
 * element (identical loss curves):
 *
 * <ul>
 *   <li>{@link FlatParameters flat}: one leaf array of every parameter, views bound per step; the optimiser
 *       and the EMA are a few native calls whatever the number of parameters, but the backward pass
 *       gathers the gradients into one array (one more pass over them). It wins when the per-call overhead
 *       of per-parameter updates dominates: small tensors (measured: 1.2-1.4x faster steps at the quick
 *       size, d = 64, H = 128).
 *   <li>separate: DJL's parameter store and parameter server, one optimiser update and one EMA update per
 *       parameter; wins for large tensors (measured at the paper size, d = 9408, H = 512, where the
 *       flat layout's extra gradient pass cost about 15%).
 * </ul>
 *
 * {@link #of} picks flat when the parameters average at most {@link #FLAT_MAX_MEAN_SIZE} values; the system
 * property {@code sibench.training.layout} ({@code flat} or {@code separate}) overrides it, for measurements.
 */
interface TrainedWeights extends AutoCloseable {

    /** Largest mean number of values per parameter for which the flat layout is used. */
    long FLAT_MAX_MEAN_SIZE = 65_536;

    /** The layout for {@code block}'s parameters (already initialised, on {@code manager}). */
    static TrainedWeights of(Block block, NDManager manager, Device device, Optimizer optimizer) {
        long values = 0;
        int count = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                values += p.getValue().getArray().size();
                count++;
            }
        }
        String layout = System.getProperty("sibench.training.layout", "auto");
        boolean flat = switch (layout) {
            case "flat" -> count > 0;
            case "separate" -> false;
            default -> count > 0 && values / count <= FLAT_MAX_MEAN_SIZE;
        };
        if (flat) {
            return new FlatParameters(block.getParameters(), manager, optimizer);
        }
        return new Separate(block, manager, device, optimizer);
    }

    /** The store the step's loss runs the network with. */
    ParameterStore store();

    /** Before the step's forward pass, with gradient recording on; the step's arrays live on {@code step}. */
    void bind(NDManager step);

    /** After the step's backward pass. */
    void unbind();

    /** One optimiser update from the gradients of the last backward pass; zeroes them. */
    void update();

    /** The arrays that hold the current weights (the EMA averages them), updated in place. */
    List<NDArray> weights();

    /** Writes {@code values} (laid out like {@link #weights()}) into the network's parameter arrays. */
    void load(List<NDArray> values);

    /** Makes the network's parameter arrays hold the current weights (no-op when they always do). */
    void sync();

    @Override
    void close();

    /** DJL's parameter store and server: one update per parameter, in place in the network's arrays. */
    final class Separate implements TrainedWeights {
        private final ParameterStore store;
        private final List<NDArray> weights = new ArrayList<>();

        Separate(Block block, NDManager manager, Device device, Optimizer optimizer) {
            store = new ParameterStore(manager, false);
            store.setParameterServer(Engine.getInstance().newParameterServer(optimizer), new Device[] {device});
            for (Pair<String, Parameter> p : block.getParameters()) {
                weights.add(p.getValue().getArray());
            }
        }

        @Override
        public ParameterStore store() {
            return store;
        }

        @Override
        public void bind(NDManager step) {}

        @Override
        public void unbind() {}

        @Override
        public void update() {
            store.updateAllParameters();
        }

        @Override
        public List<NDArray> weights() {
            return weights;
        }

        /**
         * An indexed assignment rather than {@code copyTo}: PyTorch's copy into an array that requires
         * gradients goes through a deprecated dispatch guard and prints a native warning on the console.
         */
        @Override
        public void load(List<NDArray> values) {
            NDIndex all = new NDIndex(":");
            for (int i = 0; i < weights.size(); i++) {
                weights.get(i).set(all, values.get(i));
            }
        }

        @Override
        public void sync() {}

        @Override
        public void close() {}
    }
}
