package io.github.sibench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sibench.models.backbone.BackboneConfig;
import io.github.sibench.models.backbone.UNetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRowsTest {

    /** The most rows whose widest array fits in the budget: one more would not; never fewer than 1. */
    @Test
    void rowsAreTheMostThatFitTheBudget() {
        for (long widest : new long[] {1, 64, 512, 9408, 18_816, 65_536, 1L << 22}) {
            long rows = NetworkModel.batchRows(widest);
            assertTrue(rows * widest * Float.BYTES <= NetworkModel.BATCH_BYTES, "widest " + widest);
            assertTrue((rows + 1) * widest * Float.BYTES > NetworkModel.BATCH_BYTES, "widest " + widest);
        }
        assertEquals(1, NetworkModel.batchRows(NetworkModel.BATCH_BYTES));
    }

    /** Widest activations of the two backbones at the profiles' sizes. */
    @Test
    void widestActivations() {
        BackboneConfig mlp = new BackboneConfig(512, 2, 16);
        assertEquals(9408, mlp.widestActivation(List.of(9408), 9408));
        assertEquals(2 * 9408, mlp.widestActivation(List.of(9408), 2 * 9408));
        assertEquals(4 * 512, mlp.widestActivation(List.of(64), 64));
        // level 0 of the small U-Net: its 32 channels and the skip's 32 at 32 x 32 pixels
        assertEquals(2 * 32 * 32 * 32, UNetConfig.small().widestActivation(List.of(3, 32, 32), 3 * 32 * 32));
    }
}
