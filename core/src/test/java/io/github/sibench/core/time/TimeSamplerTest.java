package io.github.sibench.core.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.interpolant.VeInterpolant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeSamplerTest {

    @Test
    void uniformTimesHaveUniformMoments() {
        int n = 100_000;
        double[] t = new UniformTime(0.2, 0.6).sample(n, new SplittableRandom(1));
        double mean = 0;
        for (double v : t) {
            assertTrue(v >= 0.2 && v < 0.6);
            mean += v / n;
        }
        double sd = 0.4 / Math.sqrt(12);
        assertEquals(0.4, mean, 5 * sd / Math.sqrt(n));
    }

    @Test
    void logNormalSigmaHasEdmMoments() {
        int n = 100_000;
        VeInterpolant ve = new VeInterpolant(1e9); // no clamping in practice
        double[] t = new LogNormalSigmaTime(ve).sample(n, new SplittableRandom(2));
        double mean = 0;
        double sq = 0;
        for (double v : t) {
            double l = Math.log(ve.sigma(v));
            mean += l / n;
            sq += l * l / n;
        }
        assertEquals(-1.2, mean, 5 * 1.2 / Math.sqrt(n));
        assertEquals(1.44, sq - mean * mean, 5 * 1.44 * Math.sqrt(2.0 / n));
    }

    @Test
    void sameSeedSameTimes() {
        UniformTime u = new UniformTime(0, 1);
        assertArrayEquals(u.sample(10, new SplittableRandom(5)), u.sample(10, new SplittableRandom(5)));
    }

    @Test
    void badRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new UniformTime(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new UniformTime(-0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LogNormalSigmaTime(new VeInterpolant(), 0, 0));
    }
}
