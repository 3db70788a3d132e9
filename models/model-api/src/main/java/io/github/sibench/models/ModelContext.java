package io.github.sibench.models;

import io.github.sibench.models.backbone.Backbone;
import io.github.sibench.models.backbone.BackboneConfig;
import java.util.List;

/**
 * What every model is built from besides its own config: the data's shape and classes, the backbone, the
 * seed of its initial weights and training draws, and the device.
 *
 * @param shape shape of one data point: {@code [dim]} for points, {@code [C, H, W]} for images (models see
 *     every point flattened to {@link #dim()} values, channel-major)
 * @param numClasses number of classes (0: unconditional)
 * @param backbone the network family and size
 * @param seed seed of parameter initialisation and of every training draw
 * @param device DJL device name, e.g. {@code cpu} or {@code gpu0}
 */
public record ModelContext(List<Integer> shape, int numClasses, Backbone backbone, long seed, String device) {

    public ModelContext {
        if (shape == null || shape.isEmpty() || shape.stream().anyMatch(s -> s == null || s < 1) || numClasses < 0
                || backbone == null || device == null || device.isBlank()) {
            throw new IllegalArgumentException("model context: need a shape of sizes >= 1, numClasses >= 0, a backbone "
                    + "and a device");
        }
        shape = List.copyOf(shape);
    }

    /** A context for points of dimension {@code dim}. */
    public ModelContext(int dim, int numClasses, Backbone backbone, long seed, String device) {
        this(List.of(dim), numClasses, backbone, seed, device);
    }

    /** Number of values of one data point, the product of {@link #shape()}. */
    public int dim() {
        return Backbone.size(shape);
    }

    /**
     * The MLP size for models built of MLPs only (the VAE): the backbone when it is the MLP, else
     * {@link BackboneConfig#FALLBACK}.
     */
    public BackboneConfig mlp() {
        return backbone instanceof BackboneConfig b ? b : BackboneConfig.FALLBACK;
    }
}
