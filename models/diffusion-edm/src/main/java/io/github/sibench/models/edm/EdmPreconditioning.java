package io.github.sibench.models.edm;

/**
 * EDM's preconditioning of the denoiser, Karras, Aittala, Aila and Laine, "Elucidating the Design Space
 * of Diffusion-Based Generative Models" (2022), Table 1 ("Ours") and eq. 7:
 *
 * <pre>
 *   D(x; sigma) = c_skip(sigma) x + c_out(sigma) F(c_in(sigma) x; c_noise(sigma))
 *   c_skip  = sd^2 / (sigma^2 + sd^2)
 *   c_out   = sigma sd / sqrt(sigma^2 + sd^2)
 *   c_in    = 1 / sqrt(sigma^2 + sd^2)
 *   c_noise = ln(sigma) / 4
 *   lambda  = (sigma^2 + sd^2) / (sigma sd)^2 = 1 / c_out^2
 * </pre>
 *
 * with sd = sigma_data. Because {@code lambda c_out^2 = 1}, the weighted denoising loss
 * {@code lambda |D - x0|^2} equals the unit-weight loss {@code |F - (x0 - c_skip x) / c_out|^2} on the
 * network's effective target, whose variance is 1 when x0 has mean 0 and standard deviation sd (EDM
 * appendix B.6). Plain Java doubles, no native memory.
 *
 * @param sigmaData sd, the standard deviation of the data (EDM: 0.5), finite and > 0
 */
public record EdmPreconditioning(double sigmaData) {

    public EdmPreconditioning {
        if (!(sigmaData > 0) || !Double.isFinite(sigmaData)) {
            throw new IllegalArgumentException("edm preconditioning: sigmaData must be finite and > 0, got " + sigmaData);
        }
    }

    /** {@code c_skip = sd^2 / (sigma^2 + sd^2)}: 1 at sigma = 0, 1/2 at sigma = sd. */
    public double cSkip(double sigma) {
        check(sigma);
        double sd2 = sigmaData * sigmaData;
        return sd2 / (sigma * sigma + sd2);
    }

    /** {@code c_out = sigma sd / sqrt(sigma^2 + sd^2)}: 0 at sigma = 0, tends to sd as sigma grows. */
    public double cOut(double sigma) {
        check(sigma);
        return sigma * sigmaData / Math.sqrt(sigma * sigma + sigmaData * sigmaData);
    }

    /** {@code c_in = 1 / sqrt(sigma^2 + sd^2)}: scales x = x0 + sigma n to unit variance. */
    public double cIn(double sigma) {
        check(sigma);
        return 1 / Math.sqrt(sigma * sigma + sigmaData * sigmaData);
    }

    /** {@code c_noise = ln(sigma) / 4}, the network's time input; needs sigma > 0. */
    public double cNoise(double sigma) {
        check(sigma);
        if (sigma == 0) {
            throw new IllegalArgumentException("edm preconditioning: c_noise = ln(sigma) / 4 needs sigma > 0");
        }
        return Math.log(sigma) / 4;
    }

    /** {@code lambda = (sigma^2 + sd^2) / (sigma sd)^2 = 1 / c_out^2}; needs sigma > 0. */
    public double lossWeight(double sigma) {
        check(sigma);
        if (sigma == 0) {
            throw new IllegalArgumentException("edm preconditioning: the loss weight is infinite at sigma = 0");
        }
        double s = sigma * sigmaData;
        return (sigma * sigma + sigmaData * sigmaData) / (s * s);
    }

    private static void check(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("edm preconditioning: sigma must be finite and >= 0, got " + sigma);
        }
    }
}
