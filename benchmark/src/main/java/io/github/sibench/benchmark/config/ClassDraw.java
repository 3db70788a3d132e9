package io.github.sibench.benchmark.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How the classes requested from a guided model are drawn (SPEC section 5, guided-sampling protocol). The
 * guided samples are scored against the whole reference distribution (FID-Y, sliced W2, mass, ...), so
 * only {@link #WEIGHTS} lets a perfect model score zero.
 */
public enum ClassDraw {
    /** I.i.d. with the true class weights (default): a perfect model's samples then follow rho_Y exactly. */
    WEIGHTS,
    /**
     * Uniformly over the classes, as the seed did. The samples of a perfect model then follow
     * {@code (1/C) sum_c rho_Y(. | c)} instead of rho_Y: on the seed toy (weights 0.289, 0.425, 0.286) its
     * exact FID-Y against rho_Y's moments is 0.0678 (0.0760 with the filament before its vertex was put at
     * (2.6, 0)), a floor under every model (MetricSuiteTest checks it exactly and by sampling).
     */
    UNIFORM;

    /** The name in configs, e.g. {@code weights}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class probabilities of this draw, given the true class weights. */
    public double[] probabilities(double[] classWeights) {
        return switch (this) {
            case WEIGHTS -> classWeights.clone();
            case UNIFORM -> {
                double[] p = new double[classWeights.length];
                Arrays.fill(p, 1.0 / classWeights.length);
                yield p;
            }
        };
    }

    @JsonCreator
    public static ClassDraw byName(String name) {
        for (ClassDraw d : values()) {
            if (d.id().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown class draw '" + name + "'; known: "
                + Arrays.stream(values()).map(ClassDraw::id).toList());
    }
}
