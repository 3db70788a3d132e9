package io.github.sibench.core.field;

import static io.github.sibench.core.field.GaussianFixture.MEAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.github.sibench.core.interpolant.VeInterpolant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the oracle's closed forms against an independent log-density {@code log N(x; alpha m, C(t))}
 * (matrix inverse and determinant computed here), by finite differences in x and t.
 */
class GaussianOracleTest extends ManagedTest {

    private static final double[][] POINTS = {{0.3, -1.2, 0.7}, {-1.5, 0.4, 2.0}, {2.2, 1.1, -0.9}, {0, 0, 0}};



    static Stream<Interpolant> interpolants() {
        return GaussianFixture.interpolants().stream();
    }

    /** {@code log N(x; alpha m, alpha^2 S + s^2 I)} up to the constant {@code -d/2 log 2 pi}. */
    private static double logDensity(Interpolant interpolant, double t, double[] x) {
        Coefficients c = interpolant.at(t);
        double[][] cov = GaussianFixture.covariance();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cov[i][j] = c.alpha() * c.alpha() * cov[i][j] + (i == j ? c.noiseVariance() : 0);
            }
        }
        double[][] inv = GaussianFixture.inverse(cov);
        double q = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                q += (x[i] - c.alpha() * MEAN[i]) * inv[i][j] * (x[j] - c.alpha() * MEAN[j]);
            }
        }
        return -0.5 * q - 0.5 * GaussianFixture.logDet(cov);
    }

    private static double[] shifted(double[] x, int i, double h) {
        double[] y = x.clone();
        y[i] += h;
        return y;
    }

    private NDArray batch(double[][] rows) {
        double[] flat = new double[rows.length * 3];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, 3 * i, 3);
        }
        return manager.create(flat, new Shape(rows.length, 3));
    }

    @ParameterizedTest
    @MethodSource("interpolants")
    void scoreIsTheGradientOfTheLogDensity(Interpolant interpolant) {
        GaussianOracle oracle = GaussianFixture.oracle(interpolant);
        double h = 1e-5;
        for (double t : new double[] {0, 0.3, 0.7, 1}) {
            double[][] score = GaussianFixture.rows(oracle.score(t, batch(POINTS)));
            for (int p = 0; p < POINTS.length; p++) {
                for (int i = 0; i < 3; i++) {
                    double fd = (logDensity(interpolant, t, shifted(POINTS[p], i, h))
                            - logDensity(interpolant, t, shifted(POINTS[p], i, -h))) / (2 * h);
                    assertEquals(fd, score[p][i], 1e-6 * (1 + Math.abs(fd)),
                            interpolant.name() + " t=" + t + " point " + p + " coord " + i);
                }
            }
        }
    }

    /** Continuity equation {@code d_t log rho + div b + b . grad log rho = 0}, all terms by finite differences. */
    @ParameterizedTest
    @MethodSource("interpolants")
    void velocitySatisfiesTheContinuityEquation(Interpolant interpolant) {
        GaussianOracle oracle = GaussianFixture.oracle(interpolant);
        double hx = 1e-4;
        double ht = 1e-5;
        for (double t : new double[] {0.05, 0.2, 0.5, 0.8}) {
            double[][] b = GaussianFixture.rows(oracle.velocity(t, batch(POINTS)));
            for (int p = 0; p < POINTS.length; p++) {
                double[] x = POINTS[p];
                double dtLog = (logDensity(interpolant, t + ht, x) - logDensity(interpolant, t - ht, x)) / (2 * ht);
                double divergence = 0;
                double transport = 0;
                for (int i = 0; i < 3; i++) {
                    double[][] plusMinus = GaussianFixture.rows(
                            oracle.velocity(t, batch(new double[][] {shifted(x, i, hx), shifted(x, i, -hx)})));
                    divergence += (plusMinus[0][i] - plusMinus[1][i]) / (2 * hx);
                    double gradLog = (logDensity(interpolant, t, shifted(x, i, hx))
                            - logDensity(interpolant, t, shifted(x, i, -hx))) / (2 * hx);
                    transport += b[p][i] * gradLog;
                }
                double residual = dtLog + divergence + transport;
                double scale = Math.abs(dtLog) + Math.abs(divergence) + Math.abs(transport);
                assertTrue(scale > 1e-2, "trivial check " + interpolant.name() + " t=" + t + " scale " + scale);
                assertEquals(0, residual, 1e-5 * (1 + scale), interpolant.name() + " t=" + t + " point " + p);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("interpolants")
    void velocityIsTheTimeDerivativeOfTheFlowMap(Interpolant interpolant) {
        GaussianOracle oracle = GaussianFixture.oracle(interpolant);
        double h = 1e-5;
        for (double t : new double[] {0.05, 0.5, 0.95}) {
            NDArray x = batch(POINTS);
            double[][] b = GaussianFixture.rows(oracle.velocity(t, x));
            double[][] ahead = GaussianFixture.rows(oracle.flow(x, t, t + h));
            double[][] behind = GaussianFixture.rows(oracle.flow(x, t, t - h));
            for (int p = 0; p < POINTS.length; p++) {
                for (int i = 0; i < 3; i++) {
                    double fd = (ahead[p][i] - behind[p][i]) / (2 * h);
                    assertEquals(b[p][i], fd, 1e-6 * (1 + Math.abs(fd)), interpolant.name() + " t=" + t);
                }
            }
        }
    }

    /** Tweedie: {@code score = -(x - alpha E[x0 | x]) / s^2}, i.e. SPEC's {@code -E[beta x1 + gamma z | x] / s^2}. */
    @ParameterizedTest
    @MethodSource("interpolants")
    void posteriorMeanAgreesWithTheScore(Interpolant interpolant) {
        GaussianOracle oracle = GaussianFixture.oracle(interpolant);
        for (double t : new double[] {0.2, 0.6, 1}) {
            Coefficients c = interpolant.at(t);
            NDArray x = batch(POINTS);
            double[][] score = GaussianFixture.rows(oracle.score(t, x));
            double[][] x0 = GaussianFixture.rows(oracle.posteriorMean(t, x));
            for (int p = 0; p < POINTS.length; p++) {
                for (int i = 0; i < 3; i++) {
                    double tweedie = -(POINTS[p][i] - c.alpha() * x0[p][i]) / c.noiseVariance();
                    assertEquals(tweedie, score[p][i], 1e-9, interpolant.name() + " t=" + t);
                }
            }
        }
    }

    /** The flow map from t = 1 to 0 is affine, {@code x -> M x + v}; its push-forward of N(alpha_1 m, C(1)) must be N(m, S). */
    @ParameterizedTest
    @MethodSource("interpolants")
    void flowMapSendsTheNoiseMarginalToTheData(Interpolant interpolant) {
        GaussianOracle oracle = GaussianFixture.oracle(interpolant);
        double[][] probe = new double[4][3];
        for (int i = 0; i < 3; i++) {
            probe[i + 1][i] = 1;
        }
        double[][] image = GaussianFixture.rows(oracle.flow(batch(probe), 1, 0));
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = image[j + 1][i] - image[0][i];
            }
        }
        double[][] pushed = GaussianFixture.multiply(
                GaussianFixture.multiply(m, oracle.marginalCovariance(1)), GaussianFixture.transpose(m));
        double[][] s = GaussianFixture.covariance();
        double[] mean1 = oracle.marginalMean(1);
        for (int i = 0; i < 3; i++) {
            double pushedMean = image[0][i];
            for (int j = 0; j < 3; j++) {
                pushedMean += m[i][j] * mean1[j];
                assertEquals(s[i][j], pushed[i][j], 1e-10, interpolant.name() + " covariance");
            }
            assertEquals(MEAN[i], pushedMean, 1e-10, interpolant.name() + " mean");
        }

        // the same by sampling, which also checks sampleMarginal
        Engine.getInstance().setRandomSeed(11);
        int n = 20_000;
        NDArray xi = manager.randomNormal(new Shape(n, 3), DataType.FLOAT32);
        NDArray x1 = oracle.sampleMarginal(1, xi);
        double z1 = GaussianFixture.maxZ(GaussianFixture.moments(x1), mean1, oracle.marginalCovariance(1), 0);
        double z0 = GaussianFixture.maxZ(GaussianFixture.moments(oracle.flow(x1, 1, 0)), MEAN, s, 0);
        assertTrue(z1 < 5 && z0 < 5, interpolant.name() + ": z at t=1 " + z1 + ", at t=0 " + z0);
    }

    @Test
    void denoiserIsThePosteriorMeanOfTheVeModel() {
        GaussianOracle oracle = GaussianFixture.oracle(new VeInterpolant(80));
        double[][] s = GaussianFixture.covariance();
        for (double sigma : new double[] {0, 0.01, 0.5, 3, 80}) {
            // D = m + S (S + sigma^2 I)^{-1} (x - m), computed here
            double[][] a = GaussianFixture.covariance();
            for (int i = 0; i < 3; i++) {
                a[i][i] += sigma * sigma;
            }
            double[][] gain = GaussianFixture.multiply(s, GaussianFixture.inverse(a));
            NDArray x = batch(POINTS);
            double[][] denoised = GaussianFixture.rows(oracle.denoiser().denoise(x, sigma));
            double[][] posterior = GaussianFixture.rows(oracle.posteriorMean(sigma / 80, x));
            for (int p = 0; p < POINTS.length; p++) {
                for (int i = 0; i < 3; i++) {
                    double expected = MEAN[i];
                    for (int j = 0; j < 3; j++) {
                        expected += gain[i][j] * (POINTS[p][j] - MEAN[j]);
                    }
                    assertEquals(expected, denoised[p][i], 1e-9, "sigma " + sigma);
                    assertEquals(expected, posterior[p][i], 1e-9, "sigma " + sigma);
                }
            }
        }
    }

    @Test
    void viewsKeepTheBatchTypeAndLeaveNothingBehind() {
        GaussianOracle oracle = GaussianFixture.oracle(GaussianFixture.interpolants().get(0));
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.randomNormal(new Shape(5, 3));
            NDArray v = oracle.velocityField().at(0.5, x);
            Drift d = oracle.velocityScoreField().at(0.5, x);
            NDArray den = oracle.denoiser().denoise(x, 1);
            assertEquals(DataType.FLOAT32, v.getDataType());
            assertEquals(new Shape(5, 3), d.score().getShape());
            // x and the four results; the matrices are closed
            assertEquals(5, sub.getManagedArrays().size());
            assertEquals(0, GaussianFixture.rmsDiff(v, d.velocity()), 0);
            assertTrue(!den.isReleased() && !x.isReleased());
        }
    }

    @Test
    void rejectsInvalidData() {
        Interpolant lin = GaussianFixture.interpolants().get(0);
        double[][] r = GaussianFixture.rotation();
        assertThrows(IllegalArgumentException.class,
                () -> new GaussianOracle(lin, MEAN, r, new double[] {1, 0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new GaussianOracle(lin, MEAN, new double[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}},
                        new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new GaussianOracle(lin, new double[] {0, 0}, r, GaussianFixture.EIGENVALUES));
        GaussianOracle oracle = GaussianFixture.oracle(lin);
        assertThrows(IllegalArgumentException.class, () -> oracle.velocity(0.5, manager.zeros(new Shape(4, 2))));
    }
}
