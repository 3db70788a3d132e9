package io.github.sibench.datasets.toys;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.plane.Density2D;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Toy2D;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The uniform distribution on the black squares of a {@code cells x cells} checkerboard covering
 * {@code [-h, h)^2}: square (i, j) (column i, row j, side {@code s = 2h / cells}) is black when
 * {@code i + j} is even. With the defaults (4 x 4 on [-2, 2)^2) this is FFJORD's "checkerboard"
 * (Grathwohl et al. 2019, {@code toy_data.py}): 8 black squares, the one at the lower-left corner
 * included.
 *
 * <p>Exact density {@code 1 / (B s^2)} on the B black squares (half-open), 0 elsewhere. Exact
 * moments: the mean is the average of the black squares' centres, the covariance is the covariance
 * of those centres plus {@code s^2 / 12 I} (uniform within a square). One class; each black square
 * is a component, numbered row by row from the bottom-left.
 *
 * @param cells squares per side (>= 2)
 * @param halfWidth half the side of the board h (> 0)
 */
public record Checkerboard(int cells, double halfWidth) implements Toy2D, Density2D {

    /** Name of the dataset. */
    public static final String NAME = "checkerboard";
    /** Default squares per side. */
    public static final int DEFAULT_CELLS = 4;
    /** Default half side of the board. */
    public static final double DEFAULT_HALF_WIDTH = 2.0;

    /** Validates the board. */
    public Checkerboard {
        if (cells < 2) {
            throw new IllegalArgumentException("checkerboard needs at least 2 cells per side, got " + cells);
        }
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("halfWidth must be finite and > 0, got " + halfWidth);
        }
    }

    /** The default 4 x 4 board on [-2, 2)^2. */
    public static Checkerboard standard() {
        return new Checkerboard(DEFAULT_CELLS, DEFAULT_HALF_WIDTH);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numClasses() {
        return 1;
    }

    /** The number of black squares B. */
    @Override
    public int numComponents() {
        return (cells * cells + 1) / 2;
    }

    private double side() {
        return 2 * halfWidth / cells;
    }

    /**
     * Row-major cell index {@code j cells + i} of black square b: black cells alternate in row-major
     * order, shifted by one on odd rows when {@code cells} is even.
     */
    private int blackCell(int b) {
        return 2 * b + (cells % 2 == 0 ? (2 * b / cells) % 2 : 0);
    }

    private int column(int b) {
        return blackCell(b) % cells;
    }

    private int row(int b) {
        return blackCell(b) / cells;
    }

    @Override
    public Points sample(int n, RandomGenerator rng) {
        Points points = Points.allocate(n);
        double s = side();
        for (int i = 0; i < n; i++) {
            int b = rng.nextInt(numComponents());
            points.xy()[2 * i] = -halfWidth + (column(b) + rng.nextDouble()) * s;
            points.xy()[2 * i + 1] = -halfWidth + (row(b) + rng.nextDouble()) * s;
            points.components()[i] = b;
        }
        return points;
    }

    @Override
    public double logDensity(double x, double y) {
        double s = side();
        double i = Math.floor((x + halfWidth) / s);
        double j = Math.floor((y + halfWidth) / s);
        boolean inside = i >= 0 && i < cells && j >= 0 && j < cells;
        return inside && (i + j) % 2 == 0 ? -Math.log(numComponents() * s * s) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public Optional<Density2D> density() {
        return Optional.of(this);
    }

    @Override
    public Optional<Gaussian2> moments() {
        int count = numComponents();
        double s = side();
        double mx = 0;
        double my = 0;
        for (int b = 0; b < count; b++) {
            mx += centre(column(b)) / count;
            my += centre(row(b)) / count;
        }
        double cxx = s * s / 12;
        double cyy = s * s / 12;
        double cxy = 0;
        for (int b = 0; b < count; b++) {
            double dx = centre(column(b)) - mx;
            double dy = centre(row(b)) - my;
            cxx += dx * dx / count;
            cxy += dx * dy / count;
            cyy += dy * dy / count;
        }
        return Optional.of(new Gaussian2(mx, my, cxx, cxy, cyy));
    }

    private double centre(int index) {
        return -halfWidth + (index + 0.5) * side();
    }
}
