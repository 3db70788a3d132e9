package io.github.sibench.benchmark.jmh;

import io.github.sibench.benchmark.config.Devices;
import io.github.sibench.models.backbone.BackboneConfig;
import java.util.Locale;

/**
 * The two sizes the JMH benchmarks (and the step profiler) measure, defined once so that a step and its
 * ceiling share their shapes and threads: {@code quick} (d = 64, H = 128, 2 blocks, 1 thread, the quick
 * profile's) and {@code paper} (d = 9408, H = 512, 2 blocks, the engine's default threads).
 */
public enum BenchmarkSize {
    QUICK(64, new BackboneConfig(128, 2, 16), 1),
    PAPER(9408, new BackboneConfig(512, 2, 16), 0);

    /** Data dimension d. */
    public final int dim;
    /** The SwiGLU backbone. */
    public final BackboneConfig backbone;
    /** PyTorch intra-op threads, 0 for the engine's default. */
    private final int threads;

    BenchmarkSize(int dim, BackboneConfig backbone, int threads) {
        this.dim = dim;
        this.backbone = backbone;
        this.threads = threads;
    }

    /**
     * The size named {@code name} ({@code quick} or {@code paper}), with its thread count applied unless the
     * caller set one ({@code -Dai.djl.pytorch.num_threads}). Call before the engine starts: each JMH parameter
     * value runs in its own fork.
     */
    public static BenchmarkSize start(String name) {
        BenchmarkSize size = valueOf(name.toUpperCase(Locale.ROOT));
        if (size.threads > 0 && System.getProperty(Devices.THREADS_PROPERTY) == null) {
            System.setProperty(Devices.THREADS_PROPERTY, Integer.toString(size.threads));
        }
        return size;
    }
}
