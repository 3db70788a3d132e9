package io.github.sibench.datasets.toys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.SampleStatistics;
import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.mixture.MixtureIntegral;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Vec2;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClassicToysTest {

    @Test
    void eightGaussiansSitOnTheCircleAndIntegrateToOne() {
        GaussianMixture2D toy = EightGaussians.standard();
        assertEquals(8, toy.numComponents());
        assertEquals(8, toy.numClasses());
        for (int k = 0; k < 8; k++) {
            Vec2 m = toy.component(k).mean();
            assertEquals(2 * Math.sqrt(2), Math.hypot(m.x(), m.y()), 1e-12);
            assertEquals(0.125, toy.component(k).weight(), 1e-15);
            assertEquals(k, toy.classOf(m.x(), m.y()));
        }
        // mean 0 by symmetry; covariance (r^2 / 2 + std^2) I
        Gaussian2 g = toy.exactMoments();
        assertEquals(0, g.mx(), 1e-12);
        assertEquals(0, g.my(), 1e-12);
        assertEquals(4 + 0.01, g.sxx(), 1e-12);
        assertEquals(0, g.sxy(), 1e-12);
        assertEquals(4 + 0.01, g.syy(), 1e-12);
        assertEquals(1.0, MixtureIntegral.integrate(toy, 0.5), 1e-6);
    }

    @Test
    void checkerboardIsFfjordsBoard() {
        Checkerboard board = Checkerboard.standard();
        assertEquals(8, board.numComponents());
        double inside = Math.log(1.0 / 8);
        assertEquals(inside, board.logDensity(-1.5, -1.5), 1e-15); // lower-left square is black
        assertEquals(Double.NEGATIVE_INFINITY, board.logDensity(-0.5, -1.5));
        assertEquals(inside, board.logDensity(1.5, 1.5), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, board.logDensity(2.5, 0.5));
        // uniform on [-2, 2] per axis: variance 4/3; covariance of the black centres 1/4
        Gaussian2 c = board.moments().orElseThrow();
        assertEquals(4.0 / 3, c.sxx(), 1e-12);
        assertEquals(0.25, c.sxy(), 1e-12);
        assertEquals(4.0 / 3, c.syy(), 1e-12);
    }

    @Test
    void checkerboardDensityIntegratesToOne() {
        // midpoint rule with spacing 0.01 aligned to the squares: exact up to rounding
        Checkerboard board = Checkerboard.standard();
        int m = 600;
        double h = 6.0 / m;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                sum += Math.exp(board.logDensity(-3 + (i + 0.5) * h, -3 + (j + 0.5) * h));
            }
        }
        assertEquals(1.0, sum * h * h, 1e-9);
        // odd boards too: 3 x 3 has 5 black squares
        Checkerboard odd = new Checkerboard(3, 1.5);
        assertEquals(5, odd.numComponents());
        double oddSum = 0;
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 300; j++) {
                oddSum += Math.exp(odd.logDensity(-1.5 + (i + 0.5) * 0.01, -1.5 + (j + 0.5) * 0.01));
            }
        }
        assertEquals(1.0, oddSum * 1e-4, 1e-9);
    }

    @Test
    void checkerboardSamplesFillEveryBlackSquareEqually() {
        for (Checkerboard board : new Checkerboard[] {Checkerboard.standard(), new Checkerboard(3, 1.5)}) {
            int n = 40_000;
            Points p = board.sample(n, new SplittableRandom(5));
            int squares = board.numComponents();
            for (int b = 0; b < squares; b++) {
                int sq = b;
                long count = IntStream.of(p.components()).filter(c -> c == sq).count();
                SampleStatistics.assertFrequency(count, n, 1.0 / squares, "square " + b);
            }
            for (int i = 0; i < n; i++) {
                assertTrue(Double.isFinite(board.logDensity(p.x(i), p.y(i))));
            }
            SampleStatistics.assertMomentsMatch(p.xy(), board.moments().orElseThrow(), "checkerboard " + board.cells());
        }
    }

    @Test
    void noiselessMoonsLieOnTheirHalfCircles() {
        Points p = new TwoMoons(0).sample(5000, new SplittableRandom(9));
        for (int i = 0; i < p.size(); i++) {
            if (p.labels()[i] == 0) {
                assertEquals(1, Math.hypot(p.x(i), p.y(i)), 1e-12);
                assertTrue(p.y(i) >= 0);
            } else {
                assertEquals(1, Math.hypot(p.x(i) - 1, p.y(i) - 0.5), 1e-12);
                assertTrue(p.y(i) <= 0.5);
            }
        }
    }

    @Test
    void spiralArmsArePointReflectionsOfEachOther() {
        // without noise, arm 1 is -arm 0: equal sample means up to sign, overall mean 0
        int n = 100_000;
        Points p = new TwoSpirals(0).sample(n, new SplittableRandom(4));
        double[] sum = new double[4];
        int[] count = new int[2];
        double maxRadius = 0;
        for (int i = 0; i < n; i++) {
            int arm = p.labels()[i];
            sum[2 * arm] += p.x(i);
            sum[2 * arm + 1] += p.y(i);
            count[arm]++;
            maxRadius = Math.max(maxRadius, Math.hypot(p.x(i), p.y(i)));
        }
        assertTrue(maxRadius <= (TwoSpirals.MAX_ANGLE + TwoSpirals.JITTER * Math.sqrt(2)) * TwoSpirals.SCALE);
        double se = 2.0 / Math.sqrt(n); // the coordinates have std below 2
        SampleStatistics.assertWithin(sum[0] / count[0], -sum[2] / count[1], se, "arm mean x");
        SampleStatistics.assertWithin(sum[1] / count[0], -sum[3] / count[1], se, "arm mean y");
    }

    @Test
    void constructorsRejectBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new TwoMoons(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new TwoSpirals(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Checkerboard(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Checkerboard(4, 0));
        assertThrows(IllegalArgumentException.class, () -> EightGaussians.create(2, 0));
    }
}
