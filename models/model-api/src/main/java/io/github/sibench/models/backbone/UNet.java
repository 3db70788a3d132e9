package io.github.sibench.models.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A small attention-free U-Net backbone (Ronneberger et al. 2015, in the DDPM form of Ho et al. 2020),
 * a drop-in alternative to {@link SwiGluMlp} for images.
 *
 * <p>Input {@code NDList(x, t)} or {@code NDList(x, t, label)}: x either flattened (B, C*H*W) in
 * channel-major order or (B, C, H, W), t of shape (B, 1), label a one-hot (B, numClasses + 1) whose last
 * column is the null label. Output: (B, outChannels*H*W) for flattened x (as {@code SwiGluMlp} with
 * {@code outDim = outChannels*H*W}), (B, outChannels, H, W) for image x. The network:
 *
 * <pre>
 *   e = W2 silu(W1 [sin(2 pi f t), cos(2 pi f t)]) (+ W_c label)        embedding, 4 * base wide
 *   h = conv3x3(x);  down: per level l, blocksPerLevel ResBlocks (width c_l), keep h as skip_l,
 *                    then (not at the last level) a stride-2 conv3x3 halves the side
 *   middle: one ResBlock at the lowest resolution
 *   up: per level l from the lowest, h = ResBlocks([h, skip_l]) (width c_l), then (not at level 0)
 *       nearest-neighbour 2x upsampling followed by conv3x3 to width c_(l-1)
 *   out = conv3x3(silu(GN(h)))[:, :outChannels]
 * </pre>
 *
 * where every ResBlock adds a projection of e ({@link ResBlock}). The output conv has
 * {@code ceil(outChannels / 16) * 16} filters and is sliced: see {@link UNetConfig} for why every conv
 * width is a multiple of 16. Weights are Xavier-initialised and the output conv starts at zero, so an
 * untrained network predicts 0.
 */
public final class UNet extends AbstractBlock {

    private final int channels;
    private final int height;
    private final int width;
    private final int outChannels;
    private final int paddedOut;
    private final int numClasses;
    private final UNetConfig config;
    private final float[] frequencies;

    private final Linear timeIn;
    private final Linear timeOut;
    private final Linear labelIn;
    private final Conv2d input;
    private final List<List<ResBlock>> downBlocks = new ArrayList<>();
    private final List<Conv2d> downsamples = new ArrayList<>();
    private final ResBlock middle;
    private final List<List<ResBlock>> upBlocks = new ArrayList<>();
    private final List<Conv2d> upsamples = new ArrayList<>();
    private final GroupNorm outNorm;
    private final Conv2d output;

    /**
     * @param channels image channels C
     * @param height image height H, divisible by 2^(levels - 1)
     * @param width image width W, divisible by 2^(levels - 1)
     * @param outChannels output channels per pixel (e.g. 2 * C for two heads)
     * @param numClasses number of classes for the label embedding, 0 for an unconditional network
     * @param config widths and depth
     */
    public UNet(int channels, int height, int width, int outChannels, int numClasses, UNetConfig config) {
        if (channels < 1 || outChannels < 1 || numClasses < 0) {
            throw new IllegalArgumentException("unet: need channels, outChannels >= 1 and numClasses >= 0");
        }
        int scale = 1 << (config.levels() - 1);
        if (height < scale || width < scale || height % scale != 0 || width % scale != 0) {
            throw new IllegalArgumentException("unet: image sides must be divisible by 2^(levels-1) = " + scale
                    + "; got " + height + "x" + width + ", use fewer channelMultipliers");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.outChannels = outChannels;
        this.paddedOut = roundUp(outChannels);
        this.numClasses = numClasses;
        this.config = config;
        frequencies = new float[config.timeFeatures()];
        for (int k = 0; k < frequencies.length; k++) {
            double e = frequencies.length == 1 ? 0 : (double) k / (frequencies.length - 1);
            frequencies[k] = (float) (2 * Math.PI * Math.pow(1000, 0.5 * e));
        }
        int emb = config.embedding();
        timeIn = addChildBlock("time_in", Linear.builder().setUnits(emb).build());
        timeOut = addChildBlock("time_out", Linear.builder().setUnits(emb).build());
        labelIn = numClasses > 0
                ? addChildBlock("label_in", Linear.builder().setUnits(emb).optBias(false).build()) : null;
        input = addChildBlock("input", conv(config.channels(0), 3, 1));
        int levels = config.levels();
        int groups = config.groups();
        int c = config.channels(0);
        for (int l = 0; l < levels; l++) {
            List<ResBlock> blocks = new ArrayList<>();
            for (int b = 0; b < config.blocksPerLevel(); b++) {
                blocks.add(addChildBlock("down_" + l + "_" + b, new ResBlock(c, config.channels(l), groups)));
                c = config.channels(l);
            }
            downBlocks.add(blocks);
            if (l < levels - 1) {
                downsamples.add(addChildBlock("downsample_" + l, conv(c, 3, 2)));
            }
        }
        middle = addChildBlock("middle", new ResBlock(c, c, groups));
        for (int l = levels - 1; l >= 0; l--) {
            List<ResBlock> blocks = new ArrayList<>();
            for (int b = 0; b < config.blocksPerLevel(); b++) {
                int in = b == 0 ? c + config.channels(l) : config.channels(l);
                blocks.add(addChildBlock("up_" + l + "_" + b, new ResBlock(in, config.channels(l), groups)));
            }
            c = config.channels(l);
            upBlocks.add(blocks);
            if (l > 0) {
                upsamples.add(addChildBlock("upsample_" + l, conv(config.channels(l - 1), 3, 1)));
                c = config.channels(l - 1);
            }
        }
        outNorm = addChildBlock("out_norm", new GroupNorm(groups, c));
        output = addChildBlock("output", conv(paddedOut, 3, 1));
        setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        output.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
    }

    static int roundUp(int n) {
        int q = UNetConfig.CHANNEL_QUANTUM;
        return (n + q - 1) / q * q;
    }

    static Conv2d conv(int filters, int kernel, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .build();
    }

    /**
     * Replaces the zero initialiser of the output conv's weight (call before {@code initialize}); for
     * tests that need gradients to flow through an untrained network.
     */
    public void setOutputInitializer(Initializer initializer) {
        output.setInitializer(initializer, Parameter.Type.WEIGHT);
    }

    /** Flattened input dimension C*H*W. */
    public int inDim() {
        return channels * height * width;
    }

    /** Flattened output dimension outChannels*H*W. */
    public int outDim() {
        return outChannels * height * width;
    }

    public int numClasses() {
        return numClasses;
    }

    public UNetConfig config() {
        return config;
    }

    /** Input shapes for {@code initialize} (flattened x, t and, with classes, the one-hot label). */
    public Shape[] inputShapes(int batch) {
        Shape x = new Shape(batch, inDim());
        Shape t = new Shape(batch, 1);
        return numClasses > 0 ? new Shape[] {x, t, new Shape(batch, numClasses + 1)} : new Shape[] {x, t};
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        boolean flat = x.getShape().dimension() == 2;
        long batch = x.getShape().get(0);
        NDArray image = flat ? x.reshape(batch, channels, height, width) : x;
        NDArray t = inputs.get(1);
        NDArray freq = x.getManager().create(frequencies).toType(x.getDataType(), false)
                .reshape(1, frequencies.length);
        NDArray angles = t.mul(freq);
        NDArray fourier = angles.sin().concat(angles.cos(), 1);
        NDArray e = ResBlock.run(timeOut, ps,
                SwiGluMlp.silu(ResBlock.run(timeIn, ps, fourier, training)), training);
        if (labelIn != null) {
            if (inputs.size() < 3) {
                throw new IllegalArgumentException("unet: a label (one-hot with null column) is required");
            }
            e = e.add(ResBlock.run(labelIn, ps, inputs.get(2), training));
        }
        NDArray h = ResBlock.run(input, ps, image, training);
        List<NDArray> skips = new ArrayList<>();
        int levels = config.levels();
        for (int l = 0; l < levels; l++) {
            for (ResBlock block : downBlocks.get(l)) {
                h = res(block, ps, h, e, training);
            }
            skips.add(h);
            if (l < levels - 1) {
                h = ResBlock.run(downsamples.get(l), ps, h, training);
            }
        }
        h = res(middle, ps, h, e, training);
        for (int i = 0; i < levels; i++) {
            int l = levels - 1 - i;
            h = h.concat(skips.get(l), 1);
            for (ResBlock block : upBlocks.get(i)) {
                h = res(block, ps, h, e, training);
            }
            if (l > 0) {
                h = ResBlock.run(upsamples.get(i), ps, h.repeat(2, 2).repeat(3, 2), training);
            }
        }
        NDArray out = ResBlock.run(output, ps, SwiGluMlp.silu(ResBlock.run(outNorm, ps, h, training)), training);
        if (paddedOut != outChannels) {
            out = out.get(new NDIndex(":, :{}", outChannels));
        }
        return new NDList(flat ? out.reshape(batch, (long) outDim()) : out);
    }

    private static NDArray res(ResBlock block, ParameterStore ps, NDArray h, NDArray e, boolean training) {
        return block.forward(ps, new NDList(h, e), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return inputShapes[0].dimension() == 2
                ? new Shape[] {new Shape(batch, outDim())}
                : new Shape[] {new Shape(batch, outChannels, height, width)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        int emb = config.embedding();
        Shape e = new Shape(b, emb);
        timeIn.initialize(manager, dataType, new Shape(b, 2L * frequencies.length));
        timeOut.initialize(manager, dataType, e);
        if (labelIn != null) {
            labelIn.initialize(manager, dataType, new Shape(b, numClasses + 1));
        }
        input.initialize(manager, dataType, new Shape(b, channels, height, width));
        int levels = config.levels();
        long hh = height;
        long ww = width;
        long c = config.channels(0);
        List<Long> skipChannels = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            for (ResBlock block : downBlocks.get(l)) {
                block.initialize(manager, dataType, new Shape(b, c, hh, ww), e);
                c = config.channels(l);
            }
            skipChannels.add(c);
            if (l < levels - 1) {
                downsamples.get(l).initialize(manager, dataType, new Shape(b, c, hh, ww));
                hh /= 2;
                ww /= 2;
            }
        }
        middle.initialize(manager, dataType, new Shape(b, c, hh, ww), e);
        for (int i = 0; i < levels; i++) {
            int l = levels - 1 - i;
            c += skipChannels.get(l);
            for (ResBlock block : upBlocks.get(i)) {
                block.initialize(manager, dataType, new Shape(b, c, hh, ww), e);
                c = config.channels(l);
            }
            if (l > 0) {
                hh *= 2;
                ww *= 2;
                upsamples.get(i).initialize(manager, dataType, new Shape(b, c, hh, ww));
                c = config.channels(l - 1);
            }
        }
        outNorm.initialize(manager, dataType, new Shape(b, c, hh, ww));
        output.initialize(manager, dataType, new Shape(b, c, hh, ww));
    }
}
