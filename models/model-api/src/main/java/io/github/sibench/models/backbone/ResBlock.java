package io.github.sibench.models.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Residual conv block of the DDPM U-Net (Ho et al. 2020, after Zagoruyko and Komodakis 2016), without
 * dropout: input {@code NDList(x, e)} with x (B, Cin, H, W) and the embedding e (B, E);
 *
 * <pre>
 *   h = conv3x3( silu( GN(x) ) ) + Linear(E, Cout)( silu(e) )[:, :, None, None]
 *   h = conv3x3( silu( GN(h) ) )
 *   out = skip(x) + h,   skip = identity if Cin == Cout else conv1x1
 * </pre>
 */
final class ResBlock extends AbstractBlock {

    private final int in;
    private final int out;
    private final GroupNorm norm1;
    private final Conv2d conv1;
    private final Linear emb;
    private final GroupNorm norm2;
    private final Conv2d conv2;
    private final Conv2d skip;

    ResBlock(int in, int out, int groups) {
        this.in = in;
        this.out = out;
        norm1 = addChildBlock("norm1", new GroupNorm(groups, in));
        conv1 = addChildBlock("conv1", UNet.conv(out, 3, 1));
        emb = addChildBlock("emb", Linear.builder().setUnits(out).build());
        norm2 = addChildBlock("norm2", new GroupNorm(groups, out));
        conv2 = addChildBlock("conv2", UNet.conv(out, 3, 1));
        skip = in == out ? null : addChildBlock("skip", UNet.conv(out, 1, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray e = inputs.get(1);
        NDArray h = run(conv1, ps, SwiGluMlp.silu(run(norm1, ps, x, training)), training);
        NDArray shift = run(emb, ps, SwiGluMlp.silu(e), training);
        h = h.add(shift.reshape(shift.getShape().get(0), out, 1, 1));
        h = run(conv2, ps, SwiGluMlp.silu(run(norm2, ps, h, training)), training);
        NDArray s = skip == null ? x : run(skip, ps, x, training);
        return new NDList(s.add(h));
    }

    static NDArray run(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), out, x.get(2), x.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape o = new Shape(x.get(0), out, x.get(2), x.get(3));
        norm1.initialize(manager, dataType, x);
        conv1.initialize(manager, dataType, x);
        emb.initialize(manager, dataType, inputShapes[1]);
        norm2.initialize(manager, dataType, o);
        conv2.initialize(manager, dataType, o);
        if (skip != null) {
            skip.initialize(manager, dataType, x);
        }
    }
}
