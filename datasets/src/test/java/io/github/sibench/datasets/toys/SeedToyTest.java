package io.github.sibench.datasets.toys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.datasets.SampleStatistics;
import io.github.sibench.datasets.mixture.GaussianMixture2D;
import io.github.sibench.datasets.mixture.GaussianMixture2D.Component;
import io.github.sibench.datasets.mixture.MixtureIntegral;
import io.github.sibench.datasets.plane.ClassRegions;
import io.github.sibench.datasets.plane.Points;
import io.github.sibench.datasets.plane.Vec2;
import io.github.sibench.datasets.toys.SeedToy.Part;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedToyTest {

    private static final GaussianMixture2D TOY = SeedToy.mixture();
    private static final int N = 200_000;
    private static final Points SAMPLE = TOY.sample(N, new SplittableRandom(2024));

    private static IntStream components(Part part) {
        return IntStream.range(part.firstComponent(), part.firstComponent() + part.count());
    }

    private static double distance(Vec2 a, Vec2 b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    @Test
    void hasTheDocumentedStructure() {
        assertEquals(182, Part.BLUE_RECTANGLE.count());
        assertEquals(315, Part.RED_FILAMENT.count());
        assertEquals(180, Part.GREEN_RECTANGLE.count());
        assertEquals(64, Part.CORRIDOR.count());
        assertTrue(Math.abs(Part.BLUE_RECTANGLE.count() - 185) <= 10);
        assertTrue(Math.abs(Part.GREEN_RECTANGLE.count() - 176) <= 10);
        assertEquals(741, TOY.numComponents());
        assertEquals(3, TOY.numClasses());
        for (int k = 0; k < TOY.numComponents(); k++) {
            Part part = SeedToy.partOf(k);
            int label = TOY.component(k).label();
            int expected = switch (part) {
                case BLUE_RECTANGLE -> SeedToy.BLUE;
                case RED_FILAMENT -> SeedToy.RED;
                case GREEN_RECTANGLE -> SeedToy.GREEN;
                case CORRIDOR -> k - Part.CORRIDOR.firstComponent() < SeedToy.CORRIDOR_COUNT / 2 ? SeedToy.BLUE : SeedToy.GREEN;
            };
            assertEquals(expected, label, "label of component " + k);
        }
    }

    @Test
    void rectanglesFillTheirBoxesAndCurvesJoinTheirEndpoints() {
        assertTrue(components(Part.BLUE_RECTANGLE).mapToObj(TOY::component).map(Component::mean)
                .allMatch(m -> m.x() > -2 && m.x() < 0 && m.y() > 3.3 && m.y() < 5.6));
        assertTrue(components(Part.GREEN_RECTANGLE).mapToObj(TOY::component).map(Component::mean)
                .allMatch(m -> m.x() > 2 && m.x() < 3 && m.y() > 2.2 && m.y() < 3.3));
        int f0 = Part.RED_FILAMENT.firstComponent();
        double spacing = TOY.component(f0).gaussian().maxStd() / SeedToy.ALONG_STD_PER_SPACING;
        assertTrue(distance(TOY.component(f0).mean(), SeedToy.FILAMENT_START) < spacing);
        assertTrue(distance(TOY.component(f0 + 314).mean(), SeedToy.FILAMENT_END) < spacing);
        assertTrue(components(Part.RED_FILAMENT)
                .anyMatch(k -> distance(TOY.component(k).mean(), SeedToy.FILAMENT_VERTEX) < spacing));
        int c0 = Part.CORRIDOR.firstComponent();
        double corridorSpacing = TOY.component(c0).gaussian().maxStd();
        assertTrue(distance(TOY.component(c0).mean(), SeedToy.CORRIDOR_START) < corridorSpacing);
        assertTrue(distance(TOY.component(c0 + 63).mean(), SeedToy.CORRIDOR_END) < corridorSpacing);
    }

    /**
     * The quadratic Bezier {@code B(t) = P0 + 2t d + t^2 a} with {@code d = P1 - P0}, {@code a = P0 - 2 P1 + P2}
     * is a parabola whose vertex is where the tangent {@code d + t a} is perpendicular to the axis a:
     * {@code t* = -d.a / |a|^2}. With the computed control point that vertex is (2.6, 0), inside the arc;
     * the filament's components do not reach past it (the seed's curve turns there; a curve through
     * (2.6, 0) at parameter 1/2 overshoots to about (2.78, -0.26)).
     */
    @Test
    void filamentTurnsAtItsVertex() {
        Vec2 p0 = SeedToy.FILAMENT_START;
        Vec2 p2 = SeedToy.FILAMENT_END;
        Vec2 p1 = SeedToy.parabolaControlPoint(p0, SeedToy.FILAMENT_VERTEX, p2);
        double dx = p1.x() - p0.x();
        double dy = p1.y() - p0.y();
        double ax = p0.x() - 2 * p1.x() + p2.x();
        double ay = p0.y() - 2 * p1.y() + p2.y();
        double t = -(dx * ax + dy * ay) / (ax * ax + ay * ay);
        assertTrue(t > 0 && t < 1, "vertex parameter " + t);
        assertEquals(2.6, p0.x() + 2 * t * dx + t * t * ax, 1e-12);
        assertEquals(0.0, p0.y() + 2 * t * dy + t * t * ay, 1e-12);
        double spacing = TOY.component(Part.RED_FILAMENT.firstComponent()).gaussian().maxStd();
        double maxX = components(Part.RED_FILAMENT).mapToDouble(k -> TOY.component(k).mean().x()).max().orElseThrow();
        assertTrue(maxX < 2.6 + spacing, "rightmost filament mean " + maxX);
    }

    /**
     * Class regions: a point 0.1 off the filament, on either side at any component, belongs to the
     * filament (the largest posterior gave some of them to the blue rectangle, 1.7 away, e.g.
     * (-0.91, 1.60), 0.07 from a filament mean); points in the empty space between the clusters are off-support.
     */
    @Test
    void pointsNearTheFilamentAreFilamentAndPointsFarFromEverythingAreOffSupport() {
        for (int k : components(Part.RED_FILAMENT).toArray()) {
            var g = TOY.component(k).gaussian();
            // the unit normal of the filament is the minor principal axis of the component
            double theta = 0.5 * Math.atan2(2 * g.sxy(), g.sxx() - g.syy()) + Math.PI / 2;
            for (int side : new int[] {-1, 1}) {
                double x = g.mx() + side * 0.1 * Math.cos(theta);
                double y = g.my() + side * 0.1 * Math.sin(theta);
                assertEquals(SeedToy.RED, TOY.classOf(x, y), "0.1 off component " + k);
                // really off the curve: no mean within 0.09 (0.1 is below the smallest radius of curvature, 0.18)
                assertTrue(distance(new Vec2(x, y), TOY.component(TOY.nearestComponent(x, y)).mean()) > 0.09);
            }
        }
        assertEquals(SeedToy.RED, TOY.classOf(-0.91, 1.60));
        double[] perClass = TOY.logDensityPerClass(-0.91, 1.60);
        assertTrue(perClass[SeedToy.BLUE] > perClass[SeedToy.RED], "largest posterior is blue there");
        assertEquals(0.318, TOY.offSupportRadius(), 5e-4);
        for (double[] far : new double[][] {{0.5, 2.5}, {1.0, 1.8}, {-1.0, 2.8}, {2.5, 1.6}, {10, 10}, {-40, -3}}) {
            assertEquals(ClassRegions.OFF_SUPPORT, TOY.classOf(far[0], far[1]), far[0] + ", " + far[1]);
        }
    }

    @Test
    void filamentIsMoreThanTenTimesThinnerThanTheRectangles() {
        double thickestFilament = components(Part.RED_FILAMENT)
                .mapToDouble(k -> TOY.component(k).gaussian().minStd()).max().orElseThrow();
        double thinnestRectangle = IntStream.concat(components(Part.BLUE_RECTANGLE), components(Part.GREEN_RECTANGLE))
                .mapToDouble(k -> TOY.component(k).gaussian().minStd()).min().orElseThrow();
        assertEquals(SeedToy.FILAMENT_WIDTH_STD, thickestFilament, 1e-12);
        assertTrue(thinnestRectangle >= 10 * thickestFilament, thinnestRectangle + " vs " + thickestFilament);
        // the filament components are elongated along the curve
        assertTrue(components(Part.RED_FILAMENT)
                .allMatch(k -> TOY.component(k).gaussian().maxStd() > 5 * SeedToy.FILAMENT_WIDTH_STD));
    }

    @Test
    void classWeightsAreTheDocumentedOnes() {
        assertArrayEquals(new double[] {214.0 / 741, 315.0 / 741, 212.0 / 741}, TOY.classWeights(), 1e-12);
    }

    @Test
    void classFrequenciesMatchClassWeights() {
        double[] w = TOY.classWeights();
        for (int c = 0; c < 3; c++) {
            int cls = c;
            long count = IntStream.of(SAMPLE.labels()).filter(l -> l == cls).count();
            SampleStatistics.assertFrequency(count, N, w[c], "class " + c + " frequency");
        }
    }

    @Test
    void sampledLabelsAreTheComponentLabels() {
        for (int i = 0; i < N; i++) {
            assertEquals(TOY.component(SAMPLE.components()[i]).label(), SAMPLE.labels()[i]);
        }
    }

    @Test
    void sampleMomentsConvergeOverallAndPerClass() {
        SampleStatistics.assertMomentsMatch(SAMPLE.xy(), TOY.moments().orElseThrow(), "seed toy");
        for (int c = 0; c < 3; c++) {
            int cls = c;
            double[] xy = IntStream.range(0, N).filter(i -> SAMPLE.labels()[i] == cls)
                    .flatMap(i -> IntStream.of(2 * i, 2 * i + 1)).mapToDouble(j -> SAMPLE.xy()[j]).toArray();
            SampleStatistics.assertMomentsMatch(xy, TOY.classMoments(c), "class " + c);
        }
    }

    @Test
    void classOfIsTheComponentLabelAtEveryComponentMean() {
        for (int k = 0; k < TOY.numComponents(); k++) {
            Vec2 m = TOY.component(k).mean();
            assertEquals(TOY.component(k).label(), TOY.classOf(m.x(), m.y()), "component " + k + " (" + SeedToy.partOf(k) + ")");
        }
    }

    @Test
    void samplesOfClassKLandInClassKsRegion() {
        int n = 20_000;
        int[] predicted = TOY.classOf(Arrays.copyOf(SAMPLE.xy(), 2 * n));
        long agree = IntStream.range(0, n).filter(i -> predicted[i] == SAMPLE.labels()[i]).count();
        // only points near the corridor's label switch are ambiguous
        assertTrue(agree >= 0.995 * n, agree + " of " + n);
    }

    @Test
    void densityIntegratesToOne() {
        // adaptive midpoint rule, spacing <= 1.25 x the thinnest nearby std; measured error ~1e-6,
        // tolerance 1e-4 covers the quadrature error bounds stated in MixtureIntegral
        assertEquals(1.0, MixtureIntegral.integrate(TOY, 0.125), 1e-4);
    }
}
