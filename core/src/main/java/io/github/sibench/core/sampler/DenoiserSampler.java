package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import io.github.sibench.core.field.Denoiser;
import io.github.sibench.core.random.Noise;

/**
 * A sampler driven by an EDM denoiser {@code D(x; sigma)} in sigma-time (Karras et al. 2022). Same memory
 * contract as {@link OdeSampler}: {@code standardNormal} is never modified or closed.
 */
public interface DenoiserSampler {

    /**
     * Generates one sample per row of {@code standardNormal} (a N(0, I) batch of shape (n, d)), which the
     * sampler scales by its largest noise level; a stochastic sampler draws its noise from {@code noise}
     * (a deterministic one ignores it).
     */
    Samples sample(Denoiser denoiser, NDArray standardNormal, Noise noise);

    /** Short stable name used in configs and CSV columns (e.g. {@code edm-heun}). */
    String name();
}
