package io.github.sibench.models.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every trained parameter of a network as one flat leaf array, so that the optimiser and the EMA update
 * them in a few native calls instead of a few per parameter (the quick-size step is bound by per-call
 * overhead, not arithmetic). During a step the network reads its parameters as views of the flat array
 * ({@link #bind}: one split, one reshape per matrix), so autograd accumulates every gradient into the flat
 * array's one gradient. The network's own parameter arrays are not trained: {@link #copyTo} loads values
 * into them (the trained weights or their EMA).
 *
 * <p>The values are exact copies, and an element-wise optimiser and EMA do the same arithmetic on each
 * element of a flat array as on the separate arrays.
 */
final class FlatParameters implements TrainedWeights {

    private final NDManager manager;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Shape[] shapes;
    private final long[] splits;
    private final NDArray flat;
    private final Store store;
    private final Optimizer optimizer;

    /**
     * @param parameters the network's parameters (already initialised), in a fixed order
     * @param parent manager of the parameters; the flat array lives on a sub-manager of it
     * @param optimizer the optimiser, run on the flat array (one state, key {@code "parameters"})
     */
    FlatParameters(PairList<String, Parameter> parameters, NDManager parent, Optimizer optimizer) {
        this.optimizer = optimizer;
        this.manager = parent.newSubManager();
        NDList pieces = new NDList();
        for (Pair<String, Parameter> p : parameters) {
            if (!p.getValue().requiresGradient()) {
                continue; // frozen: read from its own array
            }
            index.put(p.getValue().getId(), this.parameters.size());
            this.parameters.add(p.getValue());
            pieces.add(p.getValue().getArray().flatten());
        }
        int n = this.parameters.size();
        if (n == 0) {
            throw new IllegalArgumentException("training: the network has no trainable parameters");
        }
        shapes = new Shape[n];
        splits = new long[n - 1];
        long offset = 0;
        for (int i = 0; i < n; i++) {
            shapes[i] = this.parameters.get(i).getArray().getShape();
            offset += shapes[i].size();
            if (i < n - 1) {
                splits[i] = offset;
            }
        }
        flat = NDArrays.concat(pieces, 0);
        flat.attach(manager);
        pieces.close();
        flat.setRequiresGradient(true);
        store = new Store(parent);
    }

    /** The flat leaf array of every parameter, length = total parameter count. */
    NDArray array() {
        return flat;
    }

    /** AdamW on the flat array: one native update (DJL's, which also zeroes the gradient) for every parameter. */
    @Override
    public void update() {
        try (NDArray gradient = flat.getGradient()) {
            optimizer.update("parameters", flat, gradient);
        }
    }

    @Override
    public List<NDArray> weights() {
        return List.of(flat);
    }

    @Override
    public void load(List<NDArray> values) {
        copyTo(values.get(0));
    }

    @Override
    public void sync() {
        copyTo(flat);
    }

    /**
     * The store a step runs the network with: it hands out the views bound by {@link #bind} (and, outside a
     * step, the parameters' own arrays).
     */
    @Override
    public ParameterStore store() {
        return store;
    }

    /**
     * Makes the views of this step on {@code step} (closed with it): one split of the flat array and one
     * reshape per parameter of more than one dimension. Call with gradient recording on.
     */
    @Override
    public void bind(NDManager step) {
        NDList parts = pieces(flat);
        NDArray[] views = new NDArray[parts.size()];
        for (int i = 0; i < views.length; i++) {
            NDArray v = parts.get(i);
            if (shapes[i].dimension() != 1) {
                NDArray r = v.reshape(shapes[i]);
                v.close();
                v = r;
            }
            v.attach(step);
            views[i] = v;
        }
        store.views = views;
    }

    /** New views of the parameters' parts of {@code a} (flat), each a new array (never {@code a} itself). */
    private NDList pieces(NDArray a) {
        return splits.length == 0 ? new NDList(a.reshape(shapes[0])) : a.split(splits, 0);
    }

    /** Ends a step: the store hands out the parameters' own arrays again. */
    @Override
    public void unbind() {
        store.views = null;
    }

    /** Writes {@code values} (laid out like {@link #array()}) into the network's own parameter arrays. */
    void copyTo(NDArray values) {
        NDIndex all = new NDIndex(":");
        try (NDManager m = manager.newSubManager()) {
            NDList parts = pieces(values);
            parts.attach(m);
            for (int i = 0; i < parts.size(); i++) {
                NDArray v = parts.get(i).reshape(shapes[i]);
                v.attach(m);
                parameters.get(i).getArray().set(all, v);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /** A parameter store that reads the bound views during a step. */
    private final class Store extends ParameterStore {
        private NDArray[] views;

        Store(NDManager manager) {
            super(manager, false);
        }

        @Override
        public NDArray getValue(Parameter parameter, Device device, boolean training) {
            if (views != null && parameter != null) {
                Integer i = index.get(parameter.getId());
                if (i != null) {
                    return views[i];
                }
            }
            return super.getValue(parameter, device, training);
        }

        @Override
        public void updateAllParameters() {
            throw new UnsupportedOperationException("the training run updates the flat parameters itself");
        }
    }
}
