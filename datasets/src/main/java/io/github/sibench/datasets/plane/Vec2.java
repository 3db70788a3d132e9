package io.github.sibench.datasets.plane;

/**
 * A point or vector of the plane.
 *
 * @param x first coordinate (finite)
 * @param y second coordinate (finite)
 */
public record Vec2(double x, double y) {

    /** Validates that both coordinates are finite. */
    public Vec2 {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("Vec2 coordinates must be finite, got (" + x + ", " + y + ")");
        }
    }

    /** The coordinates as a new array {@code {x, y}}. */
    public double[] toArray() {
        return new double[] {x, y};
    }
}
