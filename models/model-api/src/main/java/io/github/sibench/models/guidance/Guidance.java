package io.github.sibench.models.guidance;

import java.util.Arrays;

/**
 * What to generate: unconditionally, or for given classes with classifier-free guidance of weight w
 * (Ho and Salimans, "Classifier-Free Diffusion Guidance", 2022): the network output used for sampling
 * is {@code out_null + w (out_cond - out_null)}. w = 1 is the conditional model, w = 0 the null
 * (unconditional) one; the seed uses w = 2.
 *
 * @param labels class of each generated point (length n), or null for unconditional generation
 * @param weight guidance weight w >= 0 (ignored when labels is null)
 */
public record Guidance(int[] labels, double weight) {

    /** Unconditional generation. */
    public static final Guidance NONE = new Guidance(null, 0);

    public Guidance {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("guidance weight must be finite and >= 0, got " + weight);
        }
        if (labels != null) {
            for (int l : labels) {
                if (l < 0) {
                    throw new IllegalArgumentException("guidance: class labels must be >= 0, got " + l);
                }
            }
        }
    }

    /** Class-conditional generation with guidance weight w. */
    public static Guidance of(int[] labels, double weight) {
        return new Guidance(labels, weight);
    }

    /** The request for points {@code from} (inclusive) to {@code to} (exclusive): their labels, the same weight. */
    public Guidance rows(int from, int to) {
        return labels == null ? this : new Guidance(Arrays.copyOfRange(labels, from, to), weight);
    }

    public boolean conditional() {
        return labels != null;
    }
}
