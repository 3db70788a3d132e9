package io.github.sibench.models.vp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.github.sibench.core.field.Prediction;
import io.github.sibench.core.interpolant.VpInterpolant;

/**
 * Settings of {@link VpModel}. In JSON the prediction is lowercase: {@code "prediction": "eps"}.
 *
 * @param betaMin b_min of the linear schedule {@code b(t) = b_min + t (b_max - b_min)} (default 0.1, Song et
 *     al. 2021)
 * @param betaMax b_max of the schedule (default 20)
 * @param tMin smallest training time and the time where generation stops (default 1e-3): the VP noise level
 *     beta(t) vanishes at t = 0, where beta'(t) and the score of the data are infinite
 * @param tMax largest training time (default 1; generation always starts at t = 1)
 * @param prediction what the network regresses ({@link Prediction}; {@code eps}, {@code x0}, {@code velocity}
 *     or {@code v}). Default {@code v}, Salimans and Ho's v-parametrisation ("Progressive Distillation for Fast
 *     Sampling of Diffusion Models", 2022): {@code v = alpha x1 - beta x0}, from which
 *     {@code x0 = alpha x - beta v} and {@code eps = x1 = beta x + alpha v}. {@code eps} (Ho et al. 2020's
 *     noise prediction) stays selectable; under a small training budget its error is amplified by up to
 *     {@code beta / alpha} (156 at t = 1 for the default schedule), see {@link VpModel}
 */
public record VpConfig(
        double betaMin,
        double betaMax,
        double tMin,
        double tMax,
        @JsonSerialize(using = ToStringSerializer.class) @JsonDeserialize(converter = PredictionName.class)
        Prediction prediction) {

    public VpConfig {
        if (!(betaMin >= 0) || !(betaMax > betaMin) || !Double.isFinite(betaMax)) {
            throw new IllegalArgumentException("diffusion-vp: need 0 <= betaMin < betaMax < infinity, got betaMin="
                    + betaMin + ", betaMax=" + betaMax);
        }
        if (!(0 < tMin && tMin < tMax && tMax <= 1)) {
            throw new IllegalArgumentException("diffusion-vp: need 0 < tMin < tMax <= 1, got tMin=" + tMin
                    + ", tMax=" + tMax);
        }
        // eps's velocity uses alpha' / alpha, so alpha(1) = exp(-B(1) / 2) must not underflow to 0
        if (!(new VpInterpolant(betaMin, betaMax).at(1).alpha() > 0)) {
            throw new IllegalArgumentException("diffusion-vp: alpha(1) = exp(-(betaMin + betaMax) / 4) underflows"
                    + " to 0 for betaMin=" + betaMin + ", betaMax=" + betaMax + "; use a smaller betaMax");
        }
        if (prediction == null) {
            throw new IllegalArgumentException("diffusion-vp: prediction is required, one of " + Prediction.names());
        }
    }

    /** Song et al.'s schedule, b_min = 0.1 and b_max = 20, on [1e-3, 1], with v-prediction. */
    public static VpConfig defaults() {
        return new VpConfig(0.1, 20, 1e-3, 1, Prediction.V);
    }

    /** This config with another prediction. */
    public VpConfig withPrediction(Prediction other) {
        return new VpConfig(betaMin, betaMax, tMin, tMax, other);
    }

    /** Reads a prediction from its config name ({@link Prediction#byName}); written by its toString. */
    static final class PredictionName extends StdConverter<String, Prediction> {
        @Override
        public Prediction convert(String name) {
            try {
                return Prediction.byName(name);
            } catch (IllegalArgumentException e) {
                // no cause: the config loader reports the innermost message
                throw new IllegalArgumentException("diffusion-vp: " + e.getMessage());
            }
        }
    }
}
