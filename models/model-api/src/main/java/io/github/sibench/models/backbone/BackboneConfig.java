package io.github.sibench.models.backbone;

import ai.djl.nn.AbstractBlock;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * Size of the SwiGLU MLP backbone (SPEC section 4), {@code "type": "mlp"} in configs. It takes data of
 * any shape, flattened.
 *
 * @param hidden width H of the residual stream (seed: 512)
 * @param blocks number of SwiGLU blocks (seed: 1-2)
 * @param timeFeatures number of Fourier frequencies of the time embedding (sin and cos of each)
 */
@JsonSerialize(using = JsonSerializer.None.class)
@JsonDeserialize(using = JsonDeserializer.None.class)
public record BackboneConfig(int hidden, int blocks, int timeFeatures) implements Backbone {

    public BackboneConfig {
        if (hidden < 1 || blocks < 0 || timeFeatures < 1) {
            throw new IllegalArgumentException("backbone: need hidden >= 1, blocks >= 0, timeFeatures >= 1; got hidden="
                    + hidden + ", blocks=" + blocks + ", timeFeatures=" + timeFeatures);
        }
    }

    /**
     * The MLP a model uses when the configured backbone is not one: H = 512, 2 blocks, 16 frequencies (the
     * seed's size), e.g. for the VAE's encoders and decoder on images.
     */
    public static final BackboneConfig FALLBACK = new BackboneConfig(512, 2, 16);

    @Override
    public BackboneKind kind() {
        return BackboneKind.MLP;
    }

    @Override
    public AbstractBlock network(List<Integer> shape, int outDim, int numClasses) {
        return new SwiGluMlp(Backbone.size(shape), outDim, numClasses, this);
    }

    /** The input, the output, or a block's 4H-wide SwiGLU projection, whichever is widest. */
    @Override
    public long widestActivation(List<Integer> shape, int outDim) {
        return Math.max(Math.max(Backbone.size(shape), outDim), 4L * hidden);
    }
}
