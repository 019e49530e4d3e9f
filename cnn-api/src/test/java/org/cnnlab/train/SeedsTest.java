package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.cnnlab.Network;
import org.junit.jupiter.api.Test;

/** One call to Seeds.set makes a CPU run repeat exactly: same initial weights, same order, same curve. */
class SeedsTest {
    private static float[] seededRun(int seed) {
        Seeds.set(seed);
        try (Network net = FitTest.leNet()) {
            return net.fit(FitTest.DATA.train().take(640)).epochs(2).batchSize(64)
                    .optimizer(Optimizers.sgd(0.05, 0.9)).progress(false).run().batchLosses();
        }
    }

    @Test
    void twoSeededRunsGiveIdenticalLossCurves() {
        float[] a = seededRun(42);
        float[] b = seededRun(42);
        assertEquals(20, a.length);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, seededRun(43)), "another seed, another run");
    }
}
