package io.github.sibench.models.backbone;

import ai.djl.nn.AbstractBlock;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * The network a model regresses with, chosen in the run configuration: {@code {"type": "mlp", ...}} (the
 * seed's SwiGLU MLP, {@link BackboneConfig}; the default when {@code type} is absent) or
 * {@code {"type": "unet", ...}} (a small convolutional U-Net for images, {@link UNetConfig}). The
 * registry of types is {@link BackboneKind}; {@link BackboneJson} reads and writes this form.
 *
 * <p>Every backbone takes the same inputs: x flattened to (B, dim), t of shape (B, 1) and, for a
 * conditional network, a one-hot label (B, numClasses + 1) whose last column is the null label; it
 * returns (B, outDim).
 */
@JsonSerialize(using = BackboneJson.Writer.class)
@JsonDeserialize(using = BackboneJson.Reader.class)
public sealed interface Backbone permits BackboneConfig, UNetConfig {

    /** The registry entry of this backbone. */
    BackboneKind kind();

    /**
     * Builds an uninitialised network for data of {@code shape} ({@code [dim]} for points, {@code [C, H, W]}
     * for images).
     *
     * @param outDim output width, a multiple of the data's dimension for image backbones
     * @param numClasses classes of the label embedding, 0 for an unconditional network
     * @throws IllegalArgumentException when this backbone cannot take data of that shape
     */
    AbstractBlock network(List<Integer> shape, int outDim, int numClasses);

    /**
     * Values per sample of the widest array a forward pass on data of {@code shape} makes (an upper bound):
     * what sets how many rows one generation batch may hold within a memory bound.
     *
     * @param outDim output width, as for {@link #network}
     */
    long widestActivation(List<Integer> shape, int outDim);

    /** Number of values of data of {@code shape}. */
    static int size(List<Integer> shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return Math.toIntExact(n);
    }
}
