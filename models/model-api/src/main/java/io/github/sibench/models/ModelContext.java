package io.github.sibench.models;

import io.github.sibench.models.backbone.BackboneConfig;

/**
 * What every model is built from besides its own config: the data's dimension and classes, the
 * backbone size, the seed of its initial weights and training draws, and the device.
 *
 * @param dim dimension of the training space
 * @param numClasses number of classes (0: unconditional)
 * @param backbone backbone size
 * @param seed seed of parameter initialisation and of every training draw
 * @param device DJL device name, e.g. {@code cpu} or {@code gpu0}
 */
public record ModelContext(int dim, int numClasses, BackboneConfig backbone, long seed, String device) {

    public ModelContext {
        if (dim < 1 || numClasses < 0 || backbone == null || device == null || device.isBlank()) {
            throw new IllegalArgumentException("model context: need dim >= 1, numClasses >= 0, a backbone and a device");
        }
    }
}
