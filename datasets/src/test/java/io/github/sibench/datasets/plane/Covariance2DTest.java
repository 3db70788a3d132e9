package io.github.sibench.datasets.plane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class Covariance2DTest {

    @Test
    void alignedHasTheRequestedPrincipalStds() {
        Covariance2D c = Covariance2D.aligned(3, 4, 0.5, 0.01);
        assertEquals(0.5, c.maxStd(), 1e-12);
        assertEquals(0.01, c.minStd(), 1e-12);
        // a step of one along-std along (3, 4)/5 has Mahalanobis length 1
        assertEquals(1.0, c.mahalanobisSquared(0.5 * 0.6, 0.5 * 0.8), 1e-9);
        assertEquals(1.0, c.mahalanobisSquared(-0.01 * 0.8, 0.01 * 0.6), 1e-9);
        assertEquals(0.5 * 0.5 * 0.01 * 0.01, c.det(), 1e-15);
    }

    @Test
    void isotropicAndRowMajorRoundTrip() {
        Covariance2D c = Covariance2D.isotropic(2);
        assertEquals(new Covariance2D(4, 0, 4), c);
        assertEquals(2, c.minStd(), 1e-15);
        assertArrayEquals(new double[] {1, 0.5, 0.5, 2}, Covariance2D.of(new double[] {1, 0.5, 0.5, 2}).toArray());
    }

    @Test
    void rejectsMatricesThatAreNotSymmetricPositiveDefinite() {
        assertMessage(() -> new Covariance2D(1, 2, 1), "not positive definite");
        assertMessage(() -> new Covariance2D(-1, 0, -1), "not positive definite");
        assertMessage(() -> new Covariance2D(0, 0, 1), "not positive definite");
        assertMessage(() -> new Covariance2D(Double.NaN, 0, 1), "must be finite");
        assertMessage(() -> Covariance2D.of(new double[] {1, 0.5, 0.4, 2}), "not symmetric");
        assertMessage(() -> Covariance2D.of(new double[] {1, 0, 2}), "needs 4 entries");
        assertMessage(() -> Covariance2D.aligned(0, 0, 1, 1), "non-zero");
    }

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
