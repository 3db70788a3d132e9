package io.github.sibench.datasets.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PointsTest {

    @Test
    void pointsAndVectorsAreValidated() {
        assertMessage(() -> new Points(new double[3], new int[1], new int[1]), "inconsistent lengths");
        assertMessage(() -> Points.allocate(-1), "must be >= 0");
        assertMessage(() -> new Vec2(Double.POSITIVE_INFINITY, 0), "finite");
        Points p = new Points(new double[] {1, 2, 3, 4}, new int[2], new int[2]);
        assertEquals(2, p.size());
        assertEquals(3, p.x(1));
        assertEquals(4, p.y(1));
    }

    private static void assertMessage(Executable e, String fragment) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }
}
