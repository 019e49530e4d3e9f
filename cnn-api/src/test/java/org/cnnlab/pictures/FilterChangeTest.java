package org.cnnlab.pictures;

import static org.cnnlab.pictures.TileGridTest.assertBlock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What training changed: measured over every weight, drawn before / after / change on one scale. */
class FilterChangeTest {
    private static final float[][][][] BEFORE = {{{{1, 0}, {0, 1}}}, {{{0, 2}, {2, 0}}}};
    private static final float[][][][] AFTER = {{{{1, 0}, {0, 1}}}, {{{0, 2}, {2, 1}}}};

    @Test
    void relativeChangeIsTheMovedDistanceOverTheStartingSize() {
        FilterChange c = FilterPicture.of("conv1", AFTER, null).changeFrom(FilterPicture.of("conv1", BEFORE, null));
        // |after - before| = 1; |before| = sqrt(1 + 1 + 4 + 4) = sqrt(10)
        assertEquals(1 / Math.sqrt(10), c.relativeChange(), 1e-9);
        assertEquals(0, c.relativeChangePerFilter()[0], 1e-9);
        assertEquals(1 / Math.sqrt(8), c.relativeChangePerFilter()[1], 1e-9);
        assertTrue(c.describe().contains("moved by 32% of their size"), c.describe());
    }

    @Test
    void beforeAfterAndChangeShareOneColourScale() {
        FilterChange c = FilterPicture.of("conv1", AFTER, null).changeFrom(FilterPicture.of("conv1", BEFORE, null));
        TileGrid g = c.grid();
        assertEquals(6, g.tiles().size());
        assertEquals(2, g.columns());
        // Rows: before (tiles 0, 1), after (2, 3), change (4, 5). The largest |weight| anywhere is 2.
        assertBlock(g, 1, 0, 1, ColorMap.DIVERGING.rgb(1.0));          // before, filter 2: weight 2 = full red
        assertBlock(g, 0, 0, 0, ColorMap.DIVERGING.rgb(0.75));         // before, filter 1: weight 1 = half red
        assertBlock(g, 5, 1, 1, ColorMap.DIVERGING.rgb(0.75));         // change, filter 2: +1, on the same scale
        assertBlock(g, 4, 0, 0, 0xffffff);                              // change, filter 1: nothing moved
    }

    @Test
    void smoothPatternsAreSmoothAndNoiseIsNot() {
        float[][] ramp = new float[5][5];
        float[][] checker = new float[5][5];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                ramp[y][x] = x - 2;
                checker[y][x] = (x + y) % 2 == 0 ? 1 : -1;
            }
        }
        double edge = FilterPicture.of("edge", new float[][][][] {{ramp}}, null).smoothness();
        double board = FilterPicture.of("board", new float[][][][] {{checker}}, null).smoothness();
        assertTrue(edge > 0.4, "a light-to-dark ramp is smooth: " + edge);
        assertTrue(board < -0.9, "a checkerboard flips at every step: " + board);
    }

    @Test
    void differentShapesAreRefusedWithBoth() {
        FilterPicture a = FilterPicture.of("conv1", AFTER, null);
        FilterPicture b = FilterPicture.of("conv2", new float[][][][] {{{{1}}}}, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.changeFrom(b));
        assertTrue(e.getMessage().contains("1x1x1x1 before and 2x1x2x2 after"), e.getMessage());
    }
}
