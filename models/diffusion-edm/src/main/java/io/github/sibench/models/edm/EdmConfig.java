package io.github.sibench.models.edm;

/**
 * Settings of {@link EdmModel} (Karras et al. 2022, Table 1 and section 5; defaults are the paper's).
 *
 * @param sigmaData standard deviation of the data, sd in the preconditioning (default 0.5)
 * @param pMean mean of ln(sigma) for training noise levels (default -1.2)
 * @param pStd standard deviation of ln(sigma) for training noise levels (default 1.2)
 * @param sigmaMin smallest noise level: the ODE samplers stop at t = sigmaMin / sigmaMax (default 0.002)
 * @param sigmaMax largest noise level: generation starts from sigmaMax N(0, I), and training noise levels
 *     are capped there (default 80)
 */
public record EdmConfig(double sigmaData, double pMean, double pStd, double sigmaMin, double sigmaMax) {

    public EdmConfig {
        require(sigmaData > 0 && Double.isFinite(sigmaData), "sigmaData must be finite and > 0, got " + sigmaData);
        require(Double.isFinite(pMean), "pMean must be finite, got " + pMean);
        require(pStd > 0 && Double.isFinite(pStd), "pStd must be finite and > 0, got " + pStd);
        require(sigmaMin > 0 && sigmaMin < sigmaMax && Double.isFinite(sigmaMax),
                "need 0 < sigmaMin < sigmaMax < infinity, got sigmaMin=" + sigmaMin + ", sigmaMax=" + sigmaMax);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(EdmFactory.NAME + ": " + message);
        }
    }

    /** EDM's settings: sigmaData 0.5, P_mean -1.2, P_std 1.2, sigma in [0.002, 80]. */
    public static EdmConfig defaults() {
        return new EdmConfig(0.5, -1.2, 1.2, 0.002, 80);
    }
}
