package io.github.sibench.datasets.toys;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.mixture.GaussianMixture2D.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * The "8 Gaussians" toy: an equally weighted mixture of 8 isotropic Gaussians with means
 * {@code r (cos(k pi/4), sin(k pi/4))}, k = 0 .. 7, each its own class (label k).
 *
 * <p>Source: FFJORD (Grathwohl et al. 2019, {@code toy_data.py}, "8gaussians"), whose centres are
 * the unit directions scaled by 4 and then divided by 1.414, i.e. radius 2 sqrt(2)
 * ({@link #RADIUS}). FFJORD's noise std is 0.5 / 1.414 = 0.35; the default here is
 * {@link #STD} = 0.1 so the modes are well separated (the unrolled-GAN variant of Metz et al. 2017
 * uses radius 2 and std 0.02); both are parameters of {@link #create(double, double)}. The
 * density is the exact mixture density.
 */
public final class EightGaussians {

    /** Name of the dataset. */
    public static final String NAME = "eight-gaussians";
    /** Default radius of the circle of means. */
    public static final double RADIUS = 2 * Math.sqrt(2);
    /** Default component standard deviation. */
    public static final double STD = 0.1;
    /** Number of components (and classes). */
    public static final int COUNT = 8;

    private EightGaussians() {}

    /** The default toy: radius {@link #RADIUS}, std {@link #STD}. */
    public static GaussianMixture2D standard() {
        return create(RADIUS, STD);
    }

    /** Eight Gaussians of the given std on a circle of the given radius. */
    public static GaussianMixture2D create(double radius, double std) {
        List<Component> components = new ArrayList<>(COUNT);
        for (int k = 0; k < COUNT; k++) {
            double angle = k * Math.PI / 4;
            components.add(new Component(1.0,
                    Gaussian2.isotropic(radius * Math.cos(angle), radius * Math.sin(angle), std), k));
        }
        return new GaussianMixture2D(NAME, components);
    }
}
