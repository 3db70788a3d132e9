package io.github.sibench.datasets.toys;

import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Toy2D;
import java.util.random.RandomGenerator;

/**
 * Two interleaved spiral arms, as FFJORD's "2spirals" (Grathwohl et al. 2019,
 * {@code toy_data.py}): with {@code a = sqrt(u) * 3 pi} (540 degrees), {@code u, v1, v2 ~ U(0, 1)},
 * arm 0 is {@code (-a cos a + v1/2, a sin a + v2/2) / 3} and arm 1 its point reflection (the same
 * expression negated), each with probability 1/2, plus {@code N(0, noise^2 I)}. Label and
 * component are the arm. FFJORD draws arm 1 as the exact negation of arm 0's batch; here every
 * point is an independent draw of the same distribution. No closed-form density or moments are provided (the mean is 0 by the
 * point symmetry).
 *
 * @param noise standard deviation of the Gaussian noise (finite, >= 0)
 */
public record TwoSpirals(double noise) implements Toy2D {

    /** Name of the dataset. */
    public static final String NAME = "two-spirals";
    /** Default noise std (FFJORD's). */
    public static final double DEFAULT_NOISE = 0.1;
    /** Maximal winding angle, 540 degrees. */
    public static final double MAX_ANGLE = 3 * Math.PI;
    /** Width of the uniform jitter added before scaling. */
    public static final double JITTER = 0.5;
    /** Final scale factor. */
    public static final double SCALE = 1.0 / 3.0;

    /** Validates the noise level. */
    public TwoSpirals {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
    }

    /** The default toy, noise {@link #DEFAULT_NOISE}. */
    public static TwoSpirals standard() {
        return new TwoSpirals(DEFAULT_NOISE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numClasses() {
        return 2;
    }

    /** One component per arm (same as the label). */
    @Override
    public int numComponents() {
        return 2;
    }

    @Override
    public Points sample(int n, RandomGenerator rng) {
        Points points = Points.allocate(n);
        double[] xy = points.xy();
        for (int i = 0; i < n; i++) {
            int arm = rng.nextInt(2);
            double a = Math.sqrt(rng.nextDouble()) * MAX_ANGLE;
            double sign = arm == 0 ? SCALE : -SCALE;
            double x = -a * Math.cos(a) + JITTER * rng.nextDouble();
            double y = a * Math.sin(a) + JITTER * rng.nextDouble();
            xy[2 * i] = sign * x + noise * rng.nextGaussian();
            xy[2 * i + 1] = sign * y + noise * rng.nextGaussian();
            points.labels()[i] = arm;
            points.components()[i] = arm;
        }
        return points;
    }
}
