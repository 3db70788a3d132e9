package io.github.sibench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class SamplingThreadsTest {

    @Test
    void generationRunsOnItsOwnThreadCountAndTheTrainingsComesBack() {
        int before = JniUtils.getNumThreads();
        int other = before == 1 ? 2 : 1;
        assertEquals(other, SamplingThreads.with(other, JniUtils::getNumThreads));
        assertEquals(before, JniUtils.getNumThreads());
        assertEquals(before, SamplingThreads.with(0, JniUtils::getNumThreads), "0: unchanged");
        assertThrows(IllegalStateException.class, () -> SamplingThreads.with(other, () -> {
            throw new IllegalStateException("a failed generation");
        }));
        assertEquals(before, JniUtils.getNumThreads(), "restored after a failure too");
    }
}
