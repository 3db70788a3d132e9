package io.github.sibench.datasets.toys;

import io.github.sibench.core.stats.Gaussian2;
import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.mixture.GaussianMixture2D.Component;
import io.github.sibench.datasets.plane.Vec2;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The seed paper's 2D reference distribution rho_Y (SPEC section 4): a Gaussian mixture of 741
 * equally weighted components in three labelled clusters whose local scales differ by more than
 * 10x.
 *
 * <p>Shape. Class 0 (blue) is a filled rectangle [-2, 0] x [3.3, 5.6] made of a cell-centred
 * 13 x 14 grid of isotropic Gaussians whose std is half the grid spacing (geometric mean of the two
 * spacings), so the rectangle is filled smoothly (ripple about 1%). Class 2 (green) is the smaller
 * rectangle [2, 3] x [2.2, 3.3], a 12 x 15 grid built the same way (hence about half the blue
 * std). Class 1 (red) is a thin curved filament: the parabolic arc (a quadratic Bezier curve) from
 * (-2, 2) to (1, -0.5) whose vertex, the point of largest curvature where it turns, is (2.6, 0) as in
 * the seed (control point (5.3170, -0.1105), computed by {@link #parabolaControlPoint}; the vertex is
 * at Bezier parameter 0.642, the arc is 6.86 long), carrying 315 Gaussians at equal arc-length
 * spacing, each elongated along the tangent (std along = the spacing, std across =
 * {@value #FILAMENT_WIDTH_STD}, more than 10x below both rectangles' std). A thin straight corridor of
 * 64 narrow Gaussians (std across {@value #CORRIDOR_WIDTH_STD}) joins blue at (0.1, 3.9) to green at
 * (2.0, 2.9); its half nearer blue is labelled 0, the other half 2.
 *
 * <p>Weights: every component has weight 1/741, so the class weights are blue (182 + 32)/741 =
 * 0.2888, red 315/741 = 0.4251 and green (180 + 32)/741 = 0.2861. Components are ordered by
 * {@link Part}: blue rectangle, red filament, green rectangle, corridor. The construction is fixed
 * (no randomness); {@link #mixture()} returns one shared immutable instance.
 */
public final class SeedToy {

    /** Name of the dataset. */
    public static final String NAME = "seed-toy";

    /** Class label of the blue rectangle. */
    public static final int BLUE = 0;
    /** Class label of the filament. */
    public static final int RED = 1;
    /** Class label of the small rectangle. */
    public static final int GREEN = 2;

    /** Blue rectangle left edge. */
    public static final double BLUE_X_MIN = -2.0;
    /** Blue rectangle right edge. */
    public static final double BLUE_X_MAX = 0.0;
    /** Blue rectangle bottom edge. */
    public static final double BLUE_Y_MIN = 3.3;
    /** Blue rectangle top edge. */
    public static final double BLUE_Y_MAX = 5.6;
    /** Grid columns of the blue rectangle. */
    public static final int BLUE_COLUMNS = 13;
    /** Grid rows of the blue rectangle. */
    public static final int BLUE_ROWS = 14;

    /** Green rectangle left edge. */
    public static final double GREEN_X_MIN = 2.0;
    /** Green rectangle right edge. */
    public static final double GREEN_X_MAX = 3.0;
    /** Green rectangle bottom edge. */
    public static final double GREEN_Y_MIN = 2.2;
    /** Green rectangle top edge. */
    public static final double GREEN_Y_MAX = 3.3;
    /** Grid columns of the green rectangle. */
    public static final int GREEN_COLUMNS = 12;
    /** Grid rows of the green rectangle. */
    public static final int GREEN_ROWS = 15;

    /** Rectangle component std as a fraction of the (geometric mean) grid spacing. */
    public static final double RECTANGLE_STD_PER_SPACING = 0.5;

    /** Filament start point. */
    public static final Vec2 FILAMENT_START = new Vec2(-2.0, 2.0);
    /** The filament's vertex: where the parabolic arc turns (its point of largest curvature). */
    public static final Vec2 FILAMENT_VERTEX = new Vec2(2.6, 0.0);
    /** Filament end point. */
    public static final Vec2 FILAMENT_END = new Vec2(1.0, -0.5);
    /** Number of filament components. */
    public static final int FILAMENT_COUNT = 315;
    /** Filament component std across the curve. */
    public static final double FILAMENT_WIDTH_STD = 0.003;

    /** Corridor end on the blue side. */
    public static final Vec2 CORRIDOR_START = new Vec2(0.1, 3.9);
    /** Corridor end on the green side. */
    public static final Vec2 CORRIDOR_END = new Vec2(2.0, 2.9);
    /** Number of corridor components (the first half labelled blue, the rest green). */
    public static final int CORRIDOR_COUNT = 64;
    /** Corridor component std across the segment. */
    public static final double CORRIDOR_WIDTH_STD = 0.005;

    /** Std along a filament or corridor, as a fraction of the arc-length spacing between components. */
    public static final double ALONG_STD_PER_SPACING = 1.0;

    /** Arc-length table resolution for equal-spacing placement along curves. */
    private static final int ARC_TABLE_SEGMENTS = 8192;

    /** The four geometric parts, in the order their components appear in the mixture. */
    public enum Part {
        /** The blue rectangle grid (label 0). */
        BLUE_RECTANGLE(BLUE_COLUMNS * BLUE_ROWS),
        /** The red filament (label 1). */
        RED_FILAMENT(FILAMENT_COUNT),
        /** The green rectangle grid (label 2). */
        GREEN_RECTANGLE(GREEN_COLUMNS * GREEN_ROWS),
        /** The corridor (labels 0 then 2). */
        CORRIDOR(CORRIDOR_COUNT);

        private final int count;

        Part(int count) {
            this.count = count;
        }

        /** Number of components of this part. */
        public int count() {
            return count;
        }

        /** Index of this part's first component in the mixture. */
        public int firstComponent() {
            int first = 0;
            for (Part p : values()) {
                if (p == this) {
                    break;
                }
                first += p.count;
            }
            return first;
        }

        /** Whether mixture component k belongs to this part. */
        public boolean contains(int k) {
            return k >= firstComponent() && k < firstComponent() + count;
        }
    }

    private static final GaussianMixture2D MIXTURE = build();

    private SeedToy() {}

    /** The seed toy distribution (shared immutable instance). */
    public static GaussianMixture2D mixture() {
        return MIXTURE;
    }

    /** The part that mixture component k belongs to. */
    public static Part partOf(int k) {
        for (Part p : Part.values()) {
            if (p.contains(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("component index must be in [0, " + MIXTURE.numComponents() + "), got " + k);
    }

    private static GaussianMixture2D build() {
        List<Component> out = new ArrayList<>();
        addGrid(out, BLUE_X_MIN, BLUE_X_MAX, BLUE_Y_MIN, BLUE_Y_MAX, BLUE_COLUMNS, BLUE_ROWS, BLUE);
        Vec2 control = parabolaControlPoint(FILAMENT_START, FILAMENT_VERTEX, FILAMENT_END);
        addChain(out, FILAMENT_START, control, FILAMENT_END, FILAMENT_COUNT, FILAMENT_WIDTH_STD, i -> RED);
        addGrid(out, GREEN_X_MIN, GREEN_X_MAX, GREEN_Y_MIN, GREEN_Y_MAX, GREEN_COLUMNS, GREEN_ROWS, GREEN);
        Vec2 midpoint = new Vec2(
                0.5 * (CORRIDOR_START.x() + CORRIDOR_END.x()), 0.5 * (CORRIDOR_START.y() + CORRIDOR_END.y()));
        addChain(out, CORRIDOR_START, midpoint, CORRIDOR_END, CORRIDOR_COUNT, CORRIDOR_WIDTH_STD,
                i -> i < CORRIDOR_COUNT / 2 ? BLUE : GREEN);
        return new GaussianMixture2D(NAME, out);
    }

    /**
     * The control point of the quadratic Bezier arc from {@code start} to {@code end} whose parabola has
     * its vertex at {@code vertex} (between the two ends).
     *
     * <p>In the parabola's own frame (origin at the vertex, unit axis n pointing into the parabola,
     * unit tangent t at the vertex) its points are {@code vertex + tau t + c tau^2 n}. With
     * {@code r = p - vertex} for the two ends, {@code a = r.n} and {@code b = r.t}, both ends lie on it
     * when {@code a_0 = c b_0^2} and {@code a_2 = c b_2^2}: eliminating c leaves
     * {@code g(phi) = a_0 b_2^2 - a_2 b_0^2 = 0} for the axis angle phi. On the arc of angles between the
     * directions of r_0 and r_2 (where {@code a_0, a_2 > 0} and {@code b_0 b_2 < 0}, so the vertex lies
     * between the ends), g goes from {@code a_0 b_2^2 > 0} (n along r_0) to {@code -a_2 b_0^2 < 0} (n
     * along r_2); bisection finds its root. The tangents at {@code tau = b_0} and {@code tau = b_2} meet at
     * {@code vertex + (b_0 + b_2)/2 t + c b_0 b_2 n}, which is the Bezier control point of that arc; the
     * vertex is at Bezier parameter {@code b_0 / (b_0 - b_2)}.
     */
    static Vec2 parabolaControlPoint(Vec2 start, Vec2 vertex, Vec2 end) {
        double r0x = start.x() - vertex.x();
        double r0y = start.y() - vertex.y();
        double r2x = end.x() - vertex.x();
        double r2y = end.y() - vertex.y();
        double lo = Math.atan2(r0y, r0x);
        double hi = Math.atan2(r2y, r2x);
        double turn = Math.IEEEremainder(hi - lo, 2 * Math.PI); // signed short arc from r_0 to r_2
        if (!(Math.abs(turn) > 1e-9 && Math.abs(turn) < Math.PI - 1e-9)) {
            throw new IllegalArgumentException("the vertex must lie off the line through start and end");
        }
        hi = lo + turn;
        for (int i = 0; i < 100; i++) { // g(lo) > 0 > g(hi); 100 halvings reach double precision
            double mid = 0.5 * (lo + hi);
            if (parabolaResidual(mid, r0x, r0y, r2x, r2y) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double phi = 0.5 * (lo + hi);
        double nx = Math.cos(phi);
        double ny = Math.sin(phi);
        double b0 = -r0x * ny + r0y * nx;
        double b2 = -r2x * ny + r2y * nx;
        double c = (r0x * nx + r0y * ny) / (b0 * b0);
        double along = 0.5 * (b0 + b2);
        double across = c * b0 * b2;
        return new Vec2(vertex.x() - along * ny + across * nx, vertex.y() + along * nx + across * ny);
    }

    /** {@code g(phi) = a_0 b_2^2 - a_2 b_0^2} for the axis {@code n = (cos phi, sin phi)}, {@code t = (-sin phi, cos phi)}. */
    private static double parabolaResidual(double phi, double r0x, double r0y, double r2x, double r2y) {
        double nx = Math.cos(phi);
        double ny = Math.sin(phi);
        double a0 = r0x * nx + r0y * ny;
        double a2 = r2x * nx + r2y * ny;
        double b0 = -r0x * ny + r0y * nx;
        double b2 = -r2x * ny + r2y * nx;
        return a0 * b2 * b2 - a2 * b0 * b0;
    }

    /** A cell-centred grid of isotropic Gaussians filling the rectangle. */
    private static void addGrid(List<Component> out, double x0, double x1, double y0, double y1,
            int columns, int rows, int label) {
        double hx = (x1 - x0) / columns;
        double hy = (y1 - y0) / rows;
        double std = RECTANGLE_STD_PER_SPACING * Math.sqrt(hx * hy);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out.add(new Component(1.0, Gaussian2.isotropic(x0 + (c + 0.5) * hx, y0 + (r + 0.5) * hy, std), label));
            }
        }
    }

    /**
     * {@code count} Gaussians at arc-length positions {@code (i + 1/2) L / count} along the quadratic
     * Bezier {@code B(t) = (1-t)^2 p0 + 2t(1-t) p1 + t^2 p2} (a straight segment when p1 is the
     * midpoint), elongated along the tangent {@code B'(t) = 2(1-t)(p1 - p0) + 2t(p2 - p1)}.
     */
    private static void addChain(List<Component> out, Vec2 p0, Vec2 p1, Vec2 p2, int count, double widthStd,
            IntUnaryOperator labelOf) {
        double[] arc = new double[ARC_TABLE_SEGMENTS + 1];
        Vec2 prev = bezier(p0, p1, p2, 0);
        for (int s = 1; s <= ARC_TABLE_SEGMENTS; s++) {
            Vec2 cur = bezier(p0, p1, p2, (double) s / ARC_TABLE_SEGMENTS);
            arc[s] = arc[s - 1] + Math.hypot(cur.x() - prev.x(), cur.y() - prev.y());
            prev = cur;
        }
        double spacing = arc[ARC_TABLE_SEGMENTS] / count;
        int seg = 0;
        for (int i = 0; i < count; i++) {
            double target = (i + 0.5) * spacing;
            while (arc[seg + 1] < target) {
                seg++;
            }
            double t = (seg + (target - arc[seg]) / (arc[seg + 1] - arc[seg])) / ARC_TABLE_SEGMENTS;
            double tx = 2 * (1 - t) * (p1.x() - p0.x()) + 2 * t * (p2.x() - p1.x());
            double ty = 2 * (1 - t) * (p1.y() - p0.y()) + 2 * t * (p2.y() - p1.y());
            Vec2 m = bezier(p0, p1, p2, t);
            Gaussian2 g = Gaussian2.aligned(m.x(), m.y(), tx, ty, ALONG_STD_PER_SPACING * spacing, widthStd);
            out.add(new Component(1.0, g, labelOf.applyAsInt(i)));
        }
    }

    private static Vec2 bezier(Vec2 p0, Vec2 p1, Vec2 p2, double t) {
        double a = (1 - t) * (1 - t);
        double b = 2 * t * (1 - t);
        double c = t * t;
        return new Vec2(a * p0.x() + b * p1.x() + c * p2.x(), a * p0.y() + b * p1.y() + c * p2.y());
    }
}
