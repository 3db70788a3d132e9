package io.github.sibench.benchmark;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs generation with its own PyTorch intra-op thread count ({@code samplingThreads} of the run config),
 * then restores the training's. PyTorch's count is process-wide and can change between ops
 * ({@code torch.set_num_threads}); other engines keep theirs.
 */
final class SamplingThreads {

    private SamplingThreads() {}

    /** {@code body} run on {@code threads} intra-op threads (0: unchanged). */
    static <T> T with(int threads, Supplier<T> body) {
        if (threads <= 0 || !"PyTorch".equals(Engine.getInstance().getEngineName())) {
            return body.get();
        }
        int before = JniUtils.getNumThreads();
        if (before == threads) {
            return body.get();
        }
        JniUtils.setNumThreads(threads);
        try {
            return body.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
