package org.cnnlab.handconv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnlab.Pool;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.junit.jupiter.api.Test;

/** Max and average pooling by hand, with the padding rules PyTorch uses. */
class PoolByHandTest {
    static final int[][] MAP = {{1, 1, 2, 4}, {5, 6, 7, 8}, {3, 2, 1, 0}, {1, 2, 3, 4}};

    @Test
    void maxPoolingKeepsTheLargestOfEachWindow() {
        var pool = Pool.max(MAP, 2);
        assertArrayEquals(new int[][] {{6, 8}, {3, 4}}, pool.output());
        PoolStep s = pool.step(0, 0);
        assertEquals("max(1, 1, 5, 6) = 6", s.calculation());
        assertTrue(s.isWinner(1, 1));
        assertEquals(Volume.of(1, 2, 2), pool.outputSize());
    }

    @Test
    void averagePoolingKeepsTheMean() {
        var pool = Pool.average(MAP, 2);
        assertArrayEquals(new double[][] {{3.25, 5.25}, {2, 2}}, pool.output());
        assertEquals("(1 + 1 + 5 + 6) / 4 = 3.25", pool.step(0, 0).calculation());
    }

    @Test
    void overlappingWindowsWithAStride() {
        int[][] m = ConvByHandTest.square(5);
        var pool = Pool.max(m, 3).stride(2);
        assertArrayEquals(new int[][] {{13, 15}, {23, 25}}, pool.output());
    }

    @Test
    void paddingNeverWinsAMaxButCountsInAMean() {
        int[][] m = {{4, 1}, {1, 1}};
        var max = Pool.max(m, 2).pad(1);
        assertEquals(Volume.of(1, 2, 2), max.outputSize());
        assertEquals("max(4) = 4   (padding never wins a max)", max.step(0, 0).calculation());
        var avg = Pool.average(m, 2).pad(1);
        assertEquals("(0 + 0 + 0 + 4) / 4 = 1   (the 3 padded zeros count)", avg.step(0, 0).calculation());
        assertEquals(1.0, avg.output()[0][0]);
    }

    @Test
    void eachChannelIsPooledOnItsOwn() {
        int[][][] image = {MAP, ConvByHandTest.square(4)};
        var pool = Pool.max(image, 2);
        int[][][] out = pool.output();
        assertArrayEquals(new int[][] {{6, 8}, {3, 4}}, out[0]);
        assertArrayEquals(new int[][] {{6, 8}, {14, 16}}, out[1]);
        assertEquals(Volume.of(2, 2, 2), pool.outputSize());
    }

    @Test
    void aWindowThatDoesNotTileIsExplainedLikeTheBuilder() {
        var pool = Pool.max(ConvByHandTest.square(5), 2);
        String msg = assertThrows(GeometryException.class, pool::output).getMessage();
        assertTrue(msg.startsWith("Pool.max(5x5 image, 2x2 window) does not fit its input along the height and width:\n"
                + "  (N - F + 2P) / S + 1 = (5 - 2 + 2*0) / 2 + 1 = 3/2 + 1 = 2.50, not a whole number."), msg);
        assertEquals(Volume.of(1, 2, 2), pool.floored().outputSize());
        String pad = assertThrows(GeometryException.class, () -> Pool.max(MAP, 2).pad(2).output()).getMessage();
        assertTrue(pad.contains("more than half its 2-wide window"), pad);
    }

    @Test
    void outputSizeMirrorsConvs() {
        assertEquals(14, Pool.outputSize(28, 2));
        assertEquals(13, Pool.outputSize(27, 3, 2, 0));
        String msg = assertThrows(GeometryException.class, () -> Pool.outputSize(5, 2)).getMessage();
        assertTrue(msg.contains("2.50"), msg);
    }
}
