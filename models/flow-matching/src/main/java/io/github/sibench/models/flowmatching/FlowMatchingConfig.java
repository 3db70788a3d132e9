package io.github.sibench.models.flowmatching;

/**
 * Settings of {@link FlowMatchingModel}.
 *
 * @param tMin smallest training time (default 0)
 * @param tMax largest training time (default 1)
 */
public record FlowMatchingConfig(double tMin, double tMax) {

    public FlowMatchingConfig {
        if (!(0 <= tMin && tMin < tMax && tMax <= 1)) {
            throw new IllegalArgumentException("flow-matching: need 0 <= tMin < tMax <= 1, got tMin=" + tMin
                    + ", tMax=" + tMax);
        }
    }

    public static FlowMatchingConfig defaults() {
        return new FlowMatchingConfig(0, 1);
    }
}
