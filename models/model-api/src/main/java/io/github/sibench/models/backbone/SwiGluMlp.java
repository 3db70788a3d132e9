package io.github.sibench.models.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's small MLP backbone with SwiGLU blocks, conditioned on time and (optionally) a class label.
 *
 * <p>Input {@code NDList(x, t)} or {@code NDList(x, t, label)}: x of shape (B, in), t of shape (B, 1),
 * label a one-hot (B, numClasses + 1) whose last column is the null label (classifier-free guidance,
 * Ho and Salimans 2022). The network:
 *
 * <pre>
 *   e = W2 silu(W1 [sin(2 pi f t), cos(2 pi f t)]) (+ W_c label)     time (and label) embedding, H
 *   h = Linear(in, H)(x)
 *   per block: h = h + Linear(2H, H)( SwiGLU( Linear(H, 4H)( LN(h) + e ) ) )
 *   out = Linear(H, out)( silu( LN(h) ) )
 * </pre>
 *
 * where {@code SwiGLU([a, g]) = a * silu(g)} splits the 4H features into two halves (Shazeer, "GLU
 * Variants Improve Transformer", 2020) and f are log-spaced frequencies from 1 to 1000^(1/2)
 * (Fourier features, Tancik et al. 2020). Weights are Xavier-initialised and the output layer starts at
 * zero, so an untrained model predicts 0.
 */
public final class SwiGluMlp extends AbstractBlock {

    private final int inDim;
    private final int outDim;
    private final int numClasses;
    private final BackboneConfig config;
    private final float[] frequencies;

    private final Linear timeIn;
    private final Linear timeOut;
    private final Linear labelIn;
    private final Linear input;
    private final List<LayerNorm> norms = new ArrayList<>();
    private final List<Linear> ups = new ArrayList<>();
    private final List<Linear> downs = new ArrayList<>();
    private final LayerNorm outNorm;
    private final Linear output;

    /**
     * @param inDim dimension of x
     * @param outDim dimension of the output (e.g. 2 * inDim for two heads)
     * @param numClasses number of classes for the label embedding, 0 for an unconditional network
     * @param config widths and depth
     */
    public SwiGluMlp(int inDim, int outDim, int numClasses, BackboneConfig config) {
        if (inDim < 1 || outDim < 1 || numClasses < 0) {
            throw new IllegalArgumentException("backbone: need inDim, outDim >= 1 and numClasses >= 0");
        }
        this.inDim = inDim;
        this.outDim = outDim;
        this.numClasses = numClasses;
        this.config = config;
        int h = config.hidden();
        frequencies = new float[config.timeFeatures()];
        for (int k = 0; k < frequencies.length; k++) {
            double e = frequencies.length == 1 ? 0 : (double) k / (frequencies.length - 1);
            frequencies[k] = (float) (2 * Math.PI * Math.pow(1000, 0.5 * e));
        }
        timeIn = addChildBlock("time_in", linear(h, true));
        timeOut = addChildBlock("time_out", linear(h, true));
        labelIn = numClasses > 0 ? addChildBlock("label_in", linear(h, false)) : null;
        input = addChildBlock("input", linear(h, true));
        for (int b = 0; b < config.blocks(); b++) {
            norms.add(addChildBlock("norm_" + b, LayerNorm.builder().build()));
            ups.add(addChildBlock("up_" + b, linear(4L * h, true)));
            downs.add(addChildBlock("down_" + b, linear(h, true)));
        }
        outNorm = addChildBlock("out_norm", LayerNorm.builder().build());
        output = addChildBlock("output", linear(outDim, true));
        setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        output.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
    }

    private static Linear linear(long units, boolean bias) {
        return Linear.builder().setUnits(units).optBias(bias).build();
    }

    public int inDim() {
        return inDim;
    }

    public int outDim() {
        return outDim;
    }

    public int numClasses() {
        return numClasses;
    }

    public BackboneConfig config() {
        return config;
    }

    /** Input shapes for {@code initialize}: x, t and, with classes, the one-hot label. */
    public Shape[] inputShapes(int batch) {
        Shape x = new Shape(batch, inDim);
        Shape t = new Shape(batch, 1);
        return numClasses > 0 ? new Shape[] {x, t, new Shape(batch, numClasses + 1)} : new Shape[] {x, t};
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray t = inputs.get(1);
        NDArray angles = t.mul(x.getManager().create(frequencies, new Shape(1, frequencies.length)));
        NDArray fourier = angles.sin().concat(angles.cos(), 1);
        NDArray e = forward(timeOut, ps, silu(forward(timeIn, ps, fourier, training)), training);
        if (labelIn != null) {
            if (inputs.size() < 3) {
                throw new IllegalArgumentException("backbone: a label (one-hot with null column) is required");
            }
            e = e.add(forward(labelIn, ps, inputs.get(2), training));
        }
        NDArray h = forward(input, ps, x, training);
        for (int b = 0; b < ups.size(); b++) {
            NDArray u = forward(ups.get(b), ps, forward(norms.get(b), ps, h, training).add(e), training);
            NDArray[] halves = u.split(2, 1).toArray(new NDArray[0]);
            NDArray gated = halves[0].mul(silu(halves[1]));
            h = h.add(forward(downs.get(b), ps, gated, training));
        }
        NDArray out = forward(output, ps, silu(forward(outNorm, ps, h, training)), training);
        return new NDList(out);
    }

    /** SiLU, {@code x sigmoid(x)} (Elfwing et al. 2018); the PyTorch engine has no native one. */
    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    private static NDArray forward(
            ai.djl.nn.Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        int h = config.hidden();
        Shape hidden = new Shape(batch, h);
        timeIn.initialize(manager, dataType, new Shape(batch, 2L * frequencies.length));
        timeOut.initialize(manager, dataType, hidden);
        if (labelIn != null) {
            labelIn.initialize(manager, dataType, new Shape(batch, numClasses + 1));
        }
        input.initialize(manager, dataType, inputShapes[0]);
        for (int b = 0; b < ups.size(); b++) {
            norms.get(b).initialize(manager, dataType, hidden);
            ups.get(b).initialize(manager, dataType, hidden);
            downs.get(b).initialize(manager, dataType, new Shape(batch, 2L * h));
        }
        outNorm.initialize(manager, dataType, hidden);
        output.initialize(manager, dataType, hidden);
    }
}
