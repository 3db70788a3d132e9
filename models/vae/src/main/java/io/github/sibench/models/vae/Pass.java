package io.github.sibench.models.vae;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.github.sibench.models.backbone.SwiGluMlp;

/**
 * How one forward pass reads the learnable parameters: through {@code store}, on {@code device}, recording
 * gradients ({@code training}: a training step) or not (generation, inspection).
 *
 * @param store the parameter store (the training run's, or a plain one reading the parameters' arrays)
 * @param device device of the parameters
 * @param training whether gradients flow back to the parameters
 */
record Pass(ParameterStore store, Device device, boolean training) {

    /** A pass without gradients that reads the parameters' current arrays (after training: the EMA). */
    static Pass inference(NDManager parameters, Device device) {
        return new Pass(new ParameterStore(parameters, false), device, false);
    }

    /**
     * A parameter's value as a new array on {@code m}, gradients flowing back to the parameter when
     * training. Ops attach their result to the first operand's manager, so computing directly on the
     * parameter would leave every intermediate on the model's manager (native memory growing each step).
     */
    NDArray value(NDManager m, Parameter p) {
        NDArray v = store.getValue(p, device, training);
        return m.zeros(v.getShape()).add(v);
    }

    /**
     * Runs {@code net} on {@code in} (B, inDim) with a constant zero time column, and the one-hot label
     * when the network takes one: a VAE has no time, and a constant time embedding acts as one more bias.
     */
    NDArray run(SwiGluMlp net, NDArray in, NDArray label) {
        NDArray t = in.getManager().zeros(new Shape(in.getShape().get(0), 1));
        NDList inputs = net.numClasses() > 0 ? new NDList(in, t, label) : new NDList(in, t);
        return net.forward(store, inputs, training).singletonOrThrow();
    }
}
