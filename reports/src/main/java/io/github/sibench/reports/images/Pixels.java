package io.github.sibench.reports.images;

/**
 * The map between model pixels (floats in [-1, 1], the scale of the datasets' {@code ImageSet}) and bytes.
 *
 * <p>Generated images are quantized before being measured, so every metric can be recomputed exactly from the
 * written files (PNG grids, CIFAR-layout records): the bytes on disk are the images that were scored, and real
 * data (bytes to begin with) and generated data pass through the same map {@code p / 127.5 - 1}.
 *
 * <ul>
 *   <li>quantize: {@code q = round((v + 1) * 127.5)} clamped to [0, 255] (ties rounded up);
 *   <li>dequantize: {@code v = q / 127.5 - 1}, so {@code quantize(dequantize(q)) == q} for every byte and
 *       {@code |dequantize(quantize(v)) - v| <= 1/255} for every v in [-1, 1].
 * </ul>
 */
public final class Pixels {

    private Pixels() {}

    /**
     * Quantizes floats in [-1, 1] to unsigned bytes {@code round((v + 1) * 127.5)}, clamped to [0, 255] (values
     * outside [-1, 1] saturate).
     *
     * @throws IllegalArgumentException if any value is NaN or infinite (the message says how many)
     */
    public static byte[] quantize(float[] pixels) {
        byte[] out = new byte[pixels.length];
        int notFinite = 0;
        for (int i = 0; i < pixels.length; i++) {
            float v = pixels[i];
            if (!Float.isFinite(v)) {
                notFinite++;
                continue;
            }
            long q = Math.round((v + 1.0) * 127.5);
            out[i] = (byte) Math.max(0, Math.min(255, q));
        }
        if (notFinite > 0) {
            throw new IllegalArgumentException("Pixels.quantize: " + notFinite + " of " + pixels.length
                    + " values are not finite (NaN or infinite); the sampler diverged, fix it before writing images");
        }
        return out;
    }

    /** The floats {@code q / 127.5 - 1} of unsigned bytes q (the datasets' loader scale). */
    public static float[] dequantize(byte[] quantized) {
        float[] out = new float[quantized.length];
        for (int i = 0; i < quantized.length; i++) {
            out[i] = (quantized[i] & 0xff) / 127.5f - 1f;
        }
        return out;
    }
}
