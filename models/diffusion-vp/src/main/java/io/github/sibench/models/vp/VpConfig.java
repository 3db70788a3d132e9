package io.github.sibench.models.vp;

import io.github.sibench.core.interpolant.VpInterpolant;

/**
 * Settings of {@link VpModel}.
 *
 * @param betaMin b_min of the linear schedule {@code b(t) = b_min + t (b_max - b_min)} (default 0.1, Song et
 *     al. 2021)
 * @param betaMax b_max of the schedule (default 20)
 * @param tMin smallest training time and the time where generation stops (default 1e-3): the VP noise level
 *     beta(t) vanishes at t = 0, where beta'(t) and the score of the data are infinite
 * @param tMax largest training time (default 1; generation always starts at t = 1)
 */
public record VpConfig(double betaMin, double betaMax, double tMin, double tMax) {

    public VpConfig {
        if (!(betaMin >= 0) || !(betaMax > betaMin) || !Double.isFinite(betaMax)) {
            throw new IllegalArgumentException("diffusion-vp: need 0 <= betaMin < betaMax < infinity, got betaMin="
                    + betaMin + ", betaMax=" + betaMax);
        }
        if (!(0 < tMin && tMin < tMax && tMax <= 1)) {
            throw new IllegalArgumentException("diffusion-vp: need 0 < tMin < tMax <= 1, got tMin=" + tMin
                    + ", tMax=" + tMax);
        }
        // the velocity uses alpha' / alpha, so alpha(1) = exp(-B(1) / 2) must not underflow to 0
        if (!(new VpInterpolant(betaMin, betaMax).at(1).alpha() > 0)) {
            throw new IllegalArgumentException("diffusion-vp: alpha(1) = exp(-(betaMin + betaMax) / 4) underflows"
                    + " to 0 for betaMin=" + betaMin + ", betaMax=" + betaMax + "; use a smaller betaMax");
        }
    }

    /** Song et al.'s schedule, b_min = 0.1 and b_max = 20, on [1e-3, 1]. */
    public static VpConfig defaults() {
        return new VpConfig(0.1, 20, 1e-3, 1);
    }
}
