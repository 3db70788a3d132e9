package io.github.sibench.models.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Group normalisation (Wu and He, "Group Normalization", 2018) composed from DJL ops, since the
 * PyTorch engine exposes no native one.
 *
 * <p>For x of shape (B, C, ...) split into G groups of C/G channels, with mean m and biased variance v
 * taken per sample and group over its channels and spatial positions:
 * {@code y = gamma_c (x - m) / sqrt(v + eps) + beta_c}, gamma starting at 1 and beta at 0.
 */
public final class GroupNorm extends AbstractBlock {

    static final float EPS = 1e-5f;

    private final int groups;
    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;

    public GroupNorm(int groups, int channels) {
        if (groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException("groupnorm: groups must divide channels; got groups=" + groups
                    + ", channels=" + channels);
        }
        this.groups = groups;
        this.channels = channels;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).optInitializer(Initializer.ONES).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).optInitializer(Initializer.ZEROS).build());
    }

    public int groups() {
        return groups;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        long b = s.get(0);
        NDArray g = x.reshape(b, groups, -1);
        NDArray centred = g.sub(g.mean(new int[] {2}, true));
        NDArray var = centred.square().mean(new int[] {2}, true);
        NDArray eps = x.getManager().full(new Shape(), EPS, x.getDataType());
        NDArray y = centred.div(var.add(eps).sqrt()).reshape(s);
        long[] bc = new long[s.dimension()];
        java.util.Arrays.fill(bc, 1);
        bc[1] = channels;
        Shape affine = new Shape(bc);
        // a view of a parameter belongs to the parameter's manager: move it to the step's
        NDArray gm = ps.getValue(gamma, x.getDevice(), training).reshape(affine);
        gm.attach(x.getManager());
        NDArray bt = ps.getValue(beta, x.getDevice(), training).reshape(affine);
        bt.attach(x.getManager());
        return new NDList(y.mul(gm).add(bt));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children: gamma and beta have fixed shapes
    }
}
