package io.github.sibench.datasets.toys;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Toy2D;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Two interleaving half circles with isotropic Gaussian noise, in the coordinates of scikit-learn's
 * {@code make_moons}: with {@code t ~ U(0, pi)}, the outer moon (label 0) is
 * {@code (cos t, sin t)}, the inner moon (label 1) is {@code (1 - cos t, 1/2 - sin t)}, each with
 * probability 1/2, plus {@code N(0, noise^2 I)}. Unlike scikit-learn (evenly spaced t), t is drawn
 * i.i.d. so samples are independent draws of one distribution.
 *
 * <p>No closed-form density (a noisy curve). The moments are exact: mean (1/2, 1/4); with
 * {@code d = (-1/2, 2/pi - 1/4)} the half-distance between the moon means, covariance
 * {@code diag(1/2, 1/2 - 4/pi^2) + d d^T + noise^2 I} (within-moon plus between-moon parts).
 *
 * @param noise standard deviation of the Gaussian noise (finite, >= 0)
 */
public record TwoMoons(double noise) implements Toy2D {

    /** Name of the dataset. */
    public static final String NAME = "two-moons";
    /** Default noise std (the usual choice with scikit-learn). */
    public static final double DEFAULT_NOISE = 0.1;

    /** Validates the noise level. */
    public TwoMoons {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
    }

    /** The default toy, noise {@link #DEFAULT_NOISE}. */
    public static TwoMoons standard() {
        return new TwoMoons(DEFAULT_NOISE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numClasses() {
        return 2;
    }

    /** One component per moon (same as the label). */
    @Override
    public int numComponents() {
        return 2;
    }

    @Override
    public Points sample(int n, RandomGenerator rng) {
        Points points = Points.allocate(n);
        double[] xy = points.xy();
        for (int i = 0; i < n; i++) {
            int moon = rng.nextInt(2);
            double t = Math.PI * rng.nextDouble();
            double x = moon == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = moon == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            xy[2 * i] = x + noise * rng.nextGaussian();
            xy[2 * i + 1] = y + noise * rng.nextGaussian();
            points.labels()[i] = moon;
            points.components()[i] = moon;
        }
        return points;
    }

    @Override
    public Optional<Gaussian2> moments() {
        double dx = -0.5;
        double dy = 2 / Math.PI - 0.25;
        double n2 = noise * noise;
        return Optional.of(new Gaussian2(0.5, 0.25,
                0.5 + dx * dx + n2, dx * dy, 0.5 - 4 / (Math.PI * Math.PI) + dy * dy + n2));
    }
}
