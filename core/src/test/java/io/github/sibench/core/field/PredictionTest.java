package io.github.sibench.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.sibench.core.ManagedTest;
import io.github.sibench.core.interpolant.Coefficients;
import io.github.sibench.core.interpolant.Interpolant;
import io.github.sibench.core.interpolant.LinearInterpolant;
import io.github.sibench.core.interpolant.StochasticInterpolant;
import io.github.sibench.core.interpolant.TrigonometricInterpolant;
import io.github.sibench.core.interpolant.VeInterpolant;
import io.github.sibench.core.interpolant.VpInterpolant;
import io.github.sibench.core.path.InterpolantPath;
import io.github.sibench.core.path.PathSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every conversion of {@link Prediction} against the closed-form fields of {@link GaussianOracle}: the exact
 * prediction is built here from the oracle's posterior means with the textbook formula of each
 * parametrisation (not from {@link Prediction#target(Coefficients)}), converted, and compared in float64.
 */
class PredictionTest extends ManagedTest {

    /** Interpolants without latent and the times checked on each (endpoints where the fields exist). */
    private static final Map<Interpolant, double[]> PATHS = Map.of(
            new LinearInterpolant(), new double[] {0.02, 0.3, 0.7, 0.98, 1.0},
            // cos(pi / 2) is 6e-17, not 0: eps's velocity at t = 1 would be finite but meaningless
            new TrigonometricInterpolant(), new double[] {0.02, 0.3, 0.7, 0.98, 0.999},
            new VpInterpolant(), new double[] {1e-3, 0.05, 0.3, 0.6, 0.9, 1.0},
            new VeInterpolant(80), new double[] {2.5e-5, 0.01, 0.3, 1.0});

    private NDArray marginal(GaussianOracle oracle, double t) {
        Engine.getInstance().setRandomSeed(5);
        return oracle.sampleMarginal(t, manager.randomNormal(0, 1, new Shape(64, 3), DataType.FLOAT64));
    }

    /**
     * The exact prediction from the oracle's {@code E[x0 | x]} and {@code E[x1 | x] = -beta score}: eps = E[x1],
     * x0 = E[x0], velocity = the oracle's b, v = (alpha E[x1] - beta E[x0]) / sqrt(alpha^2 + beta^2).
     */
    private static NDArray exact(Prediction p, GaussianOracle oracle, double t, NDArray x) {
        Coefficients c = oracle.interpolant().at(t);
        NDArray data = oracle.posteriorMean(t, x);
        NDArray noise = oracle.score(t, x).mul(-c.noiseStd());
        return switch (p) {
            case EPS -> noise;
            case X0 -> data;
            case VELOCITY -> oracle.velocity(t, x);
            case V -> noise.mul(c.alpha()).sub(data.mul(c.noiseStd()))
                    .div(Math.hypot(c.alpha(), c.noiseStd()));
        };
    }

    /** Whether the prediction determines the velocity at these coefficients (class comment of Prediction). */
    private static boolean hasVelocity(Prediction p, Coefficients c) {
        return switch (p) {
            case EPS -> c.alpha() > 0;
            case X0 -> c.beta() > 0;
            case VELOCITY, V -> true;
        };
    }

    @Test
    void exactPredictionsGiveTheOraclesVelocityScoreAndPosteriorMeans() {
        int checked = 0;
        for (Map.Entry<Interpolant, double[]> e : PATHS.entrySet()) {
            GaussianOracle oracle = GaussianFixture.oracle(e.getKey());
            for (double t : e.getValue()) {
                Coefficients c = e.getKey().at(t);
                NDArray x = marginal(oracle, t);
                NDArray velocity = oracle.velocity(t, x);
                NDArray score = oracle.score(t, x);
                NDArray data = oracle.posteriorMean(t, x);
                NDArray noise = score.mul(-c.noiseStd());
                for (Prediction p : Prediction.values()) {
                    String where = p + " on " + e.getKey().name() + " at t = " + t;
                    NDArray predicted = exact(p, oracle, t, x);
                    if (!hasVelocity(p, c)) {
                        assertThrows(IllegalArgumentException.class, () -> p.velocity(c), where);
                        continue;
                    }
                    assertClose(velocity, p.velocity(c, x, predicted), "velocity, " + where);
                    assertClose(score, p.score(c, x, predicted), "score, " + where);
                    Drift d = p.drift(c, x, predicted);
                    assertClose(velocity, d.velocity(), "drift velocity, " + where);
                    assertClose(score, d.score(), "drift score, " + where);
                    assertClose(data, p.data(c).apply(x, predicted), "E[x0 | x], " + where);
                    assertClose(noise, p.noise(c).apply(x, predicted), "E[x1 | x], " + where);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 70, "cases checked: " + checked);
    }

    /** With a latent (gamma > 0), the score still follows from eps, x0 and v; the velocity only from itself. */
    @Test
    void withALatentTheScoreFollowsButNotTheVelocity() {
        Interpolant si = new StochasticInterpolant(1);
        GaussianOracle oracle = GaussianFixture.oracle(si);
        for (double t : new double[] {0.1, 0.5, 0.9}) {
            Coefficients c = si.at(t);
            assertTrue(c.gamma() > 0);
            NDArray x = marginal(oracle, t);
            NDArray score = oracle.score(t, x);
            for (Prediction p : List.of(Prediction.EPS, Prediction.X0, Prediction.V)) {
                assertClose(score, p.score(c, x, exact(p, oracle, t, x)), "score of " + p + " at t = " + t);
                assertThrows(IllegalArgumentException.class, () -> p.velocity(c), p + " velocity with a latent");
            }
            NDArray b = oracle.velocity(t, x);
            assertClose(b, Prediction.VELOCITY.velocity(c, x, b), "velocity of velocity at t = " + t);
            assertThrows(IllegalArgumentException.class, () -> Prediction.VELOCITY.score(c));
        }
    }

    /** Salimans and Ho's VP formulas, literally: v = A x1 - B x0, x0 = A x - B v, x1 = B x + A v. */
    @Test
    void vOfVpIsSalimansAndHos() {
        VpInterpolant vp = new VpInterpolant();
        for (double t : new double[] {1e-3, 0.2, 0.7, 1.0}) {
            Coefficients c = vp.at(t);
            double a = c.alpha();
            double b = c.beta();
            assertPair(-b, a, Prediction.V.target(c), "target at t = " + t);
            assertPair(a, -b, Prediction.V.data(c), "x0 at t = " + t);
            assertPair(b, a, Prediction.V.noise(c), "x1 at t = " + t);
            // score -x1 / B and velocity A' x0 + B' x1 with the two lines above
            assertPair(-1, -a / b, Prediction.V.score(c), "score at t = " + t);
            assertPair(c.alphaDot() * a + c.betaDot() * b, -c.alphaDot() * b + c.betaDot() * a,
                    Prediction.V.velocity(c), "velocity at t = " + t);
        }
    }

    /** The batch target, row by row, against the definitions on the raw x0 and x1 of the path. */
    @Test
    void batchTargetsAreTheDefinitionsRowByRow() {
        Interpolant vp = new VpInterpolant();
        int n = 6;
        double[] t = {1e-3, 0.1, 0.3, 0.5, 0.8, 1.0};
        NDArray x0 = manager.randomNormal(0, 1, new Shape(n, 3), DataType.FLOAT64);
        NDArray x1 = manager.randomNormal(0, 1, new Shape(n, 3), DataType.FLOAT64);
        PathSample sample = new InterpolantPath(vp).sample(x0, x1, null, t);
        double[][] d = GaussianFixture.rows(x0);
        double[][] e = GaussianFixture.rows(x1);
        for (Prediction p : Prediction.values()) {
            double[][] got = GaussianFixture.rows(p.target(vp, t, x0, sample));
            for (int i = 0; i < n; i++) {
                Coefficients c = vp.at(t[i]);
                for (int j = 0; j < 3; j++) {
                    double want = switch (p) {
                        case EPS -> e[i][j];
                        case X0 -> d[i][j];
                        case VELOCITY -> c.alphaDot() * d[i][j] + c.betaDot() * e[i][j];
                        case V -> c.alpha() * e[i][j] - c.beta() * d[i][j];
                    };
                    // the path's coefficients are float32
                    assertEquals(want, got[i][j], 1e-6 * (1 + Math.abs(want)), p + " row " + i);
                }
            }
        }
    }

    @Test
    void singularPointsAreReportedNotReturned() {
        Coefficients linearAtOne = new LinearInterpolant().at(1);
        Coefficients linearAtZero = new LinearInterpolant().at(0);
        IllegalArgumentException eps = assertThrows(IllegalArgumentException.class,
                () -> Prediction.EPS.velocity(linearAtOne));
        assertTrue(eps.getMessage().startsWith("prediction eps:") && eps.getMessage().contains("t = 1.0"),
                eps.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Prediction.X0.velocity(linearAtZero));
        for (Prediction p : Prediction.values()) {
            assertThrows(IllegalArgumentException.class, () -> p.score(linearAtZero), p.configName());
        }
        // v stays finite at both ends of the linear path
        assertTrue(Double.isFinite(Prediction.V.velocity(linearAtOne).x()));
        assertTrue(Double.isFinite(Prediction.V.velocity(linearAtZero).prediction()));
    }

    @Test
    void conversionsKeepTypeAndShapeAndLeaveOnlyTheirResults() {
        Coefficients c = new VpInterpolant().at(0.4);
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.randomNormal(new Shape(5, 3));
            NDArray p = sub.randomNormal(new Shape(5, 3));
            for (Prediction pred : Prediction.values()) {
                Drift d = pred.drift(c, x, p);
                assertEquals(DataType.FLOAT32, d.velocity().getDataType());
                assertEquals(new Shape(5, 3), d.score().getShape());
            }
            // x, p and two results per prediction: every temporary is closed, the inputs are not
            assertEquals(2 + 2 * Prediction.values().length, sub.getManagedArrays().size());
            assertTrue(!x.isReleased() && !p.isReleased());
        }
    }

    @Test
    void configNamesRoundTrip() {
        assertEquals(List.of("eps", "x0", "velocity", "v"), Prediction.names());
        for (Prediction p : Prediction.values()) {
            assertSame(p, Prediction.byName(p.toString()));
            assertSame(p, Prediction.byName(" " + p.name() + " "));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prediction.byName("noise"));
        assertTrue(e.getMessage().contains("'noise'") && e.getMessage().contains("eps, x0, velocity, v"), e.getMessage());
    }

    private static void assertPair(double x, double prediction, Prediction.Combination actual, String what) {
        assertEquals(x, actual.x(), 1e-12 * (1 + Math.abs(x)), what + " (x)");
        assertEquals(prediction, actual.prediction(), 1e-12 * (1 + Math.abs(prediction)), what + " (prediction)");
    }

    private static void assertClose(NDArray expected, NDArray actual, String what) {
        double[][] e = GaussianFixture.rows(expected);
        double[][] a = GaussianFixture.rows(actual);
        double scale = 0;
        for (double[] row : e) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e[i].length; j++) {
                assertEquals(e[i][j], a[i][j], 1e-9 * (1 + scale), what + " [" + i + "][" + j + "]");
            }
        }
    }
}
