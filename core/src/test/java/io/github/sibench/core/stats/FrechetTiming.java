package io.github.sibench.core.stats;

import java.util.SplittableRandom;

/**
 * Not a test: times {@code FeatureGaussian.fit(x).frechet(fit(y))} once per dimension k given as arguments
 * (default 128 512 2048) with n = 4000 Gaussian features, and prints seconds. Run by hand, e.g.
 * {@code java -cp core/target/classes:core/target/test-classes io.github.sibench.core.stats.FrechetTiming 512}.
 */
public final class FrechetTiming {

    private FrechetTiming() {
    }

    public static void main(String[] args) {
        int n = 4000;
        String[] ks = args.length == 0 ? new String[] {"128", "512", "2048"} : args;
        for (String arg : ks) {
            int k = Integer.parseInt(arg);
            SplittableRandom rng = new SplittableRandom(k);
            double[][] x = new double[n][k];
            double[][] y = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    x[i][j] = (1 + 0.01 * j) * rng.nextGaussian();
                    y[i][j] = 0.1 + rng.nextGaussian();
                }
            }
            long t0 = System.nanoTime();
            FeatureGaussian gx = FeatureGaussian.fit(x);
            FeatureGaussian gy = FeatureGaussian.fit(y);
            long t1 = System.nanoTime();
            double fd = gx.frechet(gy);
            long t2 = System.nanoTime();
            System.out.printf("k=%d n=%d fit(both)=%.2fs frechet=%.2fs total=%.2fs fd=%.6f%n", k, n,
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, fd);
        }
    }
}
