package io.github.sibench.core.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import io.github.sibench.core.field.VectorField;
import io.github.sibench.core.util.Scoped;

/**
 * Adaptive Dormand-Prince 5(4) (Dormand and Prince, "A family of embedded Runge-Kutta formulae", 1980;
 * Hairer, Norsett and Wanner, "Solving Ordinary Differential Equations I", section II.4 and II.5).
 *
 * <p>Seven stages {@code k_j = f(t + c_j h, x + h sum_l a_jl k_l)}; the fifth-order solution
 * {@code x5 = x + h sum_j b_j k_j} is propagated (local extrapolation) and the embedded fourth-order one
 * gives the error estimate {@code e = h sum_j (b_j - b*_j) k_j}. The last stage is evaluated at the new
 * point, so it is the next step's first stage (FSAL): 1 NFE to start, then 6 per attempted step.
 *
 * <p>Error norm, one fused reduction over the whole batch (all samples and coordinates):
 * {@code err = sqrt(mean((e / (atol + rtol max(|x|, |x5|)))^2))}. A step is accepted when
 * {@code err <= 1}; the next step is {@code h * min(5, max(0.2, 0.9 err^(-1/5)))} (no growth right after a
 * rejection). The first step follows Hairer's heuristic {@code h0 = 0.01 ||x0|| / ||f(t0, x0)||} in the same
 * scaled norm. Only one scalar per step returns to Java.
 *
 * <p>The tolerances should stay above the batch's floating-point precision (about 1e-7 relative for
 * float32), or the controller chases rounding noise.
 *
 * @param rtol relative tolerance, > 0
 * @param atol absolute tolerance, >= 0
 * @param maxSteps most step attempts (accepted + rejected) before giving up with an exception
 */
public record DormandPrince(double rtol, double atol, int maxSteps) implements OdeSampler {

    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
    };
    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    /** b - b*: fifth- minus fourth-order weights. */
    private static final double[] E = {
        71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40
    };
    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 5;

    public DormandPrince {
        if (!(rtol > 0) || !(atol >= 0) || !Double.isFinite(rtol) || !Double.isFinite(atol)) {
            throw new IllegalArgumentException("dopri5: need rtol > 0 and atol >= 0, got " + rtol + ", " + atol);
        }
        Steps.positiveSteps("dopri5 (maxSteps)", maxSteps);
    }

    /** Tolerances with a guard of 10,000 step attempts. */
    public DormandPrince(double rtol, double atol) {
        this(rtol, atol, 10_000);
    }

    @Override
    public String name() {
        return "dopri5";
    }

    @Override
    public Samples sample(VectorField f, NDArray xStart, double tStart, double tEnd) {
        Steps.checkTimes(name(), tStart, tEnd);
        if (tStart == tEnd) {
            return new Samples(xStart.duplicate(), 0);
        }
        double direction = Math.signum(tEnd - tStart);
        double span = Math.abs(tEnd - tStart);
        NDArray x = xStart;
        NDArray k1 = Scoped.run(() -> f.at(tStart, xStart));
        int nfe = 1;
        try {
            double h = direction * Math.min(span, initialStep(xStart, k1));
            double t = tStart;
            boolean rejected = false;
            for (int attempt = 0; t != tEnd; attempt++) {
                if (attempt >= maxSteps) {
                    throw new IllegalStateException("dopri5: no convergence in " + maxSteps
                            + " step attempts (t = " + t + ", h = " + h + ", rtol " + rtol + ")");
                }
                boolean lastStep = Math.abs(tEnd - t) <= Math.abs(h) * (1 + 1e-12);
                double step = lastStep ? tEnd - t : h;
                Attempt a = attempt(f, x, k1, t, step);
                nfe += 6;
                if (a.error() <= 1) {
                    releaseSlope(k1, x, xStart);
                    Steps.release(x, xStart);
                    x = a.x();
                    k1 = a.k();
                    t = lastStep ? tEnd : t + step;
                }
                double factor = a.error() == 0 ? MAX_FACTOR
                        : Double.isNaN(a.error()) ? MIN_FACTOR
                        : Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * Math.pow(a.error(), -0.2)));
                if (a.error() > 1 || Double.isNaN(a.error())) {
                    factor = Math.min(1, factor);
                    rejected = true;
                } else if (rejected) {
                    factor = Math.min(1, factor);
                    rejected = false;
                }
                h = step * factor;
            }
            releaseSlope(k1, x, xStart);
            return new Samples(x, nfe);
        } catch (RuntimeException e) {
            releaseSlope(k1, x, xStart);
            Steps.release(x, xStart);
            throw e;
        }
    }

    /** Closes the carried field value unless the field returned its input (then it is x or the caller's). */
    private static void releaseSlope(NDArray k, NDArray x, NDArray xStart) {
        if (k != x && k != xStart) {
            k.close();
        }
    }

    /** The new point, its field value (next k1) and the scaled error; x and k are null when rejected. */
    private record Attempt(NDArray x, NDArray k, double error) {}

    private Attempt attempt(VectorField f, NDArray x, NDArray k1, double t, double h) {
        try (NDScope scope = new NDScope()) {
            NDArray[] k = new NDArray[7];
            k[0] = k1;
            NDArray point = null;
            for (int j = 1; j < 7; j++) {
                Steps.releaseStage(point, k[j - 1]);
                point = Steps.combine(x, h, A[j], k);
                k[j] = f.at(t + C[j] * h, point);
            }
            // the seventh stage point is the fifth-order solution (row 7 of A holds its weights b)
            double error = errorNorm(Steps.weightedSum(h, E, k), x, point);
            if (error <= 1) {
                NDScope.unregister(point, k[6]);
                return new Attempt(point, k[6], error);
            }
            return new Attempt(null, null, error);
        }
    }

    /** {@code sqrt(mean((e / (atol + rtol max(|x|, |x5|)))^2))} over all elements, as a Java double. */
    private double errorNorm(NDArray e, NDArray x, NDArray x5) {
        NDArray scale = x.abs().maximum(x5.abs()).mul(rtol).add(atol);
        return rms(e.div(scale));
    }

    private double initialStep(NDArray x, NDArray fx) {
        try (NDScope scope = new NDScope()) {
            NDArray scale = x.abs().mul(rtol).add(atol);
            double d0 = rms(x.div(scale));
            double d1 = rms(fx.div(scale));
            return d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        }
    }

    private static double rms(NDArray v) {
        return v.square().mean().sqrt().toType(DataType.FLOAT64, false).getDouble();
    }
}
