package io.github.sibench.models.backbone;

import ai.djl.nn.AbstractBlock;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.List;

/**
 * Size of the convolutional U-Net backbone ({@link UNet}), {@code "type": "unet"} in configs; it takes
 * images only.
 *
 * <p>Every convolution of the network has a multiple of 16 output channels: on an AVX-512 machine the
 * oneDNN path of PyTorch's conv2d was observed to return a wrong (even NaN) input gradient otherwise
 * (not reproduced in isolation by this package's tests, kept as a cheap precaution), so the widths here
 * are validated to be multiples of 16 and the output convolution is padded to 16 channels.
 *
 * @param baseChannels width of the first level, a multiple of 16
 * @param channelMultipliers width of level l is {@code baseChannels * channelMultipliers[l]}; one entry
 *     per resolution (each level after the first halves the image side)
 * @param blocksPerLevel residual blocks per level on the way down (and up)
 * @param groups GroupNorm groups; must divide every level's width
 * @param timeFeatures number of Fourier frequencies of the time embedding (sin and cos of each)
 */
@JsonSerialize(using = JsonSerializer.None.class)
@JsonDeserialize(using = JsonDeserializer.None.class)
public record UNetConfig(int baseChannels, List<Integer> channelMultipliers, int blocksPerLevel, int groups,
        int timeFeatures) implements Backbone {

    /** Conv channel counts must be multiples of this (oneDNN gradient bug, see the class comment). */
    public static final int CHANNEL_QUANTUM = 16;

    public UNetConfig {
        if (baseChannels < CHANNEL_QUANTUM || baseChannels % CHANNEL_QUANTUM != 0) {
            throw new IllegalArgumentException("unet: baseChannels must be a positive multiple of 16; got "
                    + baseChannels);
        }
        if (channelMultipliers == null || channelMultipliers.isEmpty()) {
            throw new IllegalArgumentException("unet: channelMultipliers needs at least one level");
        }
        channelMultipliers = List.copyOf(channelMultipliers);
        for (int m : channelMultipliers) {
            if (m < 1) {
                throw new IllegalArgumentException("unet: channelMultipliers must be >= 1; got "
                        + channelMultipliers);
            }
        }
        if (blocksPerLevel < 1) {
            throw new IllegalArgumentException("unet: blocksPerLevel must be >= 1; got " + blocksPerLevel);
        }
        if (groups < 1 || baseChannels % groups != 0) {
            throw new IllegalArgumentException("unet: groups must divide baseChannels (and every level's width); got "
                    + groups + " for " + baseChannels);
        }
        if (timeFeatures < 1) {
            throw new IllegalArgumentException("unet: timeFeatures must be >= 1; got " + timeFeatures);
        }
    }

    /**
     * Small default for a 2-core CPU on 32x32x3 or 16x16x3 images: widths 32, 64, 64 at sides s, s/2,
     * s/4, one block per level, 8 groups, 16 time frequencies.
     */
    public static UNetConfig small() {
        return new UNetConfig(32, List.of(1, 2, 2), 1, 8, 16);
    }

    /** Number of resolutions. */
    public int levels() {
        return channelMultipliers.size();
    }

    /** Width of level {@code l}. */
    public int channels(int level) {
        return baseChannels * channelMultipliers.get(level);
    }

    /** Width of the time (and label) embedding: four times the base width. */
    public int embedding() {
        return 4 * baseChannels;
    }

    @Override
    public BackboneKind kind() {
        return BackboneKind.UNET;
    }

    /**
     * A U-Net for images of {@code shape} = [C, H, W] with {@code outDim / (H W)} output channels.
     *
     * @throws IllegalArgumentException for data that is no image, or an output width that is not a whole
     *     number of channels
     */
    @Override
    public AbstractBlock network(List<Integer> shape, int outDim, int numClasses) {
        if (shape.size() != 3) {
            throw new IllegalArgumentException("backbone unet needs image data of shape [C, H, W], got shape " + shape
                    + "; use the mlp backbone for points");
        }
        int pixels = shape.get(1) * shape.get(2);
        if (outDim % pixels != 0) {
            throw new IllegalArgumentException("backbone unet: output width " + outDim + " is not a whole number of "
                    + "channels of " + shape.get(1) + "x" + shape.get(2) + " images");
        }
        return new UNet(shape.get(0), shape.get(1), shape.get(2), outDim / pixels, numClasses, this);
    }

    /**
     * Bounded by a decoder level's input, its features concatenated with the skip of the same width
     * (2 x channels(l) at (H / 2^l) x (W / 2^l) pixels), or the output.
     */
    @Override
    public long widestActivation(List<Integer> shape, int outDim) {
        long widest = Math.max(Backbone.size(shape), outDim);
        long pixels = (long) shape.get(1) * shape.get(2);
        for (int l = 0; l < levels(); l++, pixels /= 4) {
            widest = Math.max(widest, 2L * channels(l) * Math.max(1, pixels));
        }
        return widest;
    }
}
