package io.github.sibench.models.backbone;

/**
 * Size of the SwiGLU MLP backbone (SPEC section 4).
 *
 * @param hidden width H of the residual stream (seed: 512)
 * @param blocks number of SwiGLU blocks (seed: 1-2)
 * @param timeFeatures number of Fourier frequencies of the time embedding (sin and cos of each)
 */
public record BackboneConfig(int hidden, int blocks, int timeFeatures) {

    public BackboneConfig {
        if (hidden < 1 || blocks < 0 || timeFeatures < 1) {
            throw new IllegalArgumentException("backbone: need hidden >= 1, blocks >= 0, timeFeatures >= 1; got hidden="
                    + hidden + ", blocks=" + blocks + ", timeFeatures=" + timeFeatures);
        }
    }
}
