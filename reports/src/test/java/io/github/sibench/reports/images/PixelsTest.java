package io.github.sibench.reports.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelsTest {

    @Test
    void everyByteSurvivesDequantizeThenQuantizeExactly() {
        byte[] all = new byte[256];
        for (int p = 0; p < 256; p++) {
            all[p] = (byte) p;
        }
        float[] v = Pixels.dequantize(all);
        assertEquals(-1f, v[0]);
        assertEquals(1f, v[255]);
        for (int p = 0; p < 256; p++) {
            assertEquals(p / 127.5f - 1f, v[p]);
        }
        byte[] back = Pixels.quantize(v);
        for (int p = 0; p < 256; p++) {
            assertEquals(p, back[p] & 0xff, "byte " + p);
        }
    }

    /** Quantization moves a value by at most half a step, 0.5 / 127.5 = 1/255. */
    @Test
    void floatsSurviveQuantizeThenDequantizeWithinOneOver255() {
        int steps = 100_000;
        float[] v = new float[steps + 1];
        for (int i = 0; i <= steps; i++) {
            v[i] = -1f + 2f * i / steps;
        }
        float[] back = Pixels.dequantize(Pixels.quantize(v));
        double worst = 0;
        for (int i = 0; i <= steps; i++) {
            worst = Math.max(worst, Math.abs(back[i] - v[i]));
        }
        assertTrue(worst <= 1.0 / 255 + 1e-6, "worst error " + worst);
        assertTrue(worst > 0.9 / 255, "a fine sweep meets values near a half step; worst was " + worst);
    }

    @Test
    void knownValuesRoundHalfUpAndOutOfRangeValuesSaturate() {
        byte[] q = Pixels.quantize(new float[] {-1f, 0f, 1f, -3f, 7.5f, 1f / 127.5f - 1f, -0.001f, 0.003f});
        int[] expected = {0, 128, 255, 0, 255, 1, 127, 128};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], q[i] & 0xff, "value " + i);
        }
    }

    @Test
    void nonFiniteValuesAreRefusedWithTheirCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pixels.quantize(new float[] {0f, Float.NaN, Float.POSITIVE_INFINITY, 0.5f}));
        assertTrue(e.getMessage().contains("2 of 4 values are not finite"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
