package io.github.sibench.benchmark.config;

/**
 * Labelled settings ({@link Setting#CFG}, {@link Setting#SEMI}).
 *
 * @param weight classifier-free guidance weight w at sampling (seed: 2)
 * @param labelledFraction fraction of training points that keep their label in {@code semi} (in (0, 1])
 * @param classDraw how the requested classes are drawn: {@code weights} (default; the true class weights)
 *     or {@code uniform} (the seed's protocol, which biases the scores of even a perfect model, see
 *     {@link ClassDraw#UNIFORM})
 */
public record GuidanceConfig(double weight, double labelledFraction, ClassDraw classDraw) {

    public GuidanceConfig {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("guidance.weight must be finite and >= 0, got " + weight);
        }
        if (!(labelledFraction > 0 && labelledFraction <= 1)) {
            throw new IllegalArgumentException("guidance.labelledFraction must be in (0, 1], got " + labelledFraction);
        }
        if (classDraw == null) {
            classDraw = ClassDraw.WEIGHTS;
        }
    }
}
