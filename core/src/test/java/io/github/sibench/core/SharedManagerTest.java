package io.github.sibench.core;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Gives a test class one {@link NDManager} for all its tests (for static helpers and parameter
 * sources), closed after the class; test classes run one after another, so the field is never shared.
 */
public abstract class SharedManagerTest {

    protected static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }
}
