package io.github.sibench.benchmark.images;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import io.github.sibench.models.backbone.GroupNorm;
import java.util.ArrayList;
import java.util.List;

/**
 * The CNN of {@link FeatureClassifier}. Input (B, C, H, W) images, output {@code NDList(logits, features)}:
 *
 * <pre>
 *   unit(conv) = relu(GN(conv(h)))                         GN: 16 channels per group (Wu and He 2018)
 *   stage 0:   h = unit(conv3x3(w_0)); h = unit(conv3x3(w_0))
 *   stage s:   h = unit(conv3x3 stride 2 (w_s)); h = unit(conv3x3(w_s))      s = 1 .. S-1
 *   f = relu(Linear(featureDim)(mean over H, W of h))      the penultimate features
 *   logits = Linear(numClasses)(f)
 * </pre>
 *
 * A VGG-style net (Simonyan and Zisserman 2015) with group normalisation instead of batch normalisation,
 * so that an image's features never depend on the other images of its batch. Stride-2 convs have padding
 * 1, so any side works (it becomes ceil(side / 2)). Convs have no bias (GN's beta is one). Conv weights are
 * He-initialised (std sqrt(2 / fan_in), He et al. 2015), linear weights Xavier-initialised, biases 0.
 */
final class ClassifierNet extends AbstractBlock {

    static final int CHANNELS_PER_GROUP = 16;

    private final int channels;
    private final int numClasses;
    private final ClassifierConfig config;
    private final List<Conv2d> convs = new ArrayList<>();
    private final List<GroupNorm> norms = new ArrayList<>();
    private final Linear feature;
    private final Linear head;

    ClassifierNet(int channels, int numClasses, ClassifierConfig config) {
        if (channels < 1 || numClasses < 2) {
            throw new IllegalArgumentException("classifier: need channels >= 1 and numClasses >= 2, got channels="
                    + channels + ", numClasses=" + numClasses);
        }
        this.channels = channels;
        this.numClasses = numClasses;
        this.config = config;
        int unit = 0;
        for (int s = 0; s < config.widths().size(); s++) {
            int w = config.widths().get(s);
            for (int k = 0; k < 2; k++) {
                int stride = s > 0 && k == 0 ? 2 : 1;
                convs.add(addChildBlock("conv" + unit, conv(w, stride)));
                norms.add(addChildBlock("norm" + unit, new GroupNorm(w / CHANNELS_PER_GROUP, w)));
                unit++;
            }
        }
        feature = addChildBlock("feature", Linear.builder().setUnits(config.featureDim()).build());
        head = addChildBlock("head", Linear.builder().setUnits(numClasses).build());
        for (Conv2d c : convs) {
            c.setInitializer(new HeInitializer(), Parameter.Type.WEIGHT);
        }
        for (Linear l : List.of(feature, head)) {
            l.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            l.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        }
    }

    private static Conv2d conv(int filters, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1))
                .optBias(false)
                .build();
    }

    int channels() {
        return channels;
    }

    int numClasses() {
        return numClasses;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.singletonOrThrow();
        for (int u = 0; u < convs.size(); u++) {
            h = run(convs.get(u), ps, h, training);
            if (!"none".equals(System.getProperty("imgm.norm"))) {
                h = run(norms.get(u), ps, h, training);
            }
            h = Activation.relu(h);
        }
        Shape hs = h.getShape();
        NDArray pooled = h.reshape(hs.get(0), hs.get(1), -1).mean(new int[] {2});
        NDArray f = Activation.relu(run(feature, ps, pooled, training));
        NDArray logits = run(head, ps, f, training);
        return new NDList(logits, f);
    }

    private static NDArray run(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {new Shape(b, numClasses), new Shape(b, config.featureDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long b = x.get(0);
        long c = x.get(1);
        long h = x.get(2);
        long w = x.get(3);
        if (c != channels) {
            throw new IllegalArgumentException("classifier: built for " + channels + " channels, got " + c);
        }
        for (int u = 0; u < convs.size(); u++) {
            Shape in = new Shape(b, c, h, w);
            convs.get(u).initialize(manager, dataType, in);
            Shape out = convs.get(u).getOutputShapes(new Shape[] {in})[0];
            norms.get(u).initialize(manager, dataType, out);
            c = out.get(1);
            h = out.get(2);
            w = out.get(3);
        }
        feature.initialize(manager, dataType, new Shape(b, c));
        head.initialize(manager, dataType, new Shape(b, config.featureDim()));
    }

    /** He (Kaiming) normal initialisation for a conv weight (out, in, kh, kw): std sqrt(2 / (in kh kw)). */
    private static final class HeInitializer implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            long fanIn = shape.size() / shape.get(0);
            return new NormalInitializer((float) Math.sqrt(2.0 / fanIn)).initialize(manager, shape, dataType);
        }
    }
}
