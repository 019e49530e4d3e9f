package org.cnnlab.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one walker over window positions: where each window stands, what lies in the padding, what a floor skips. */
class SlidingTest {
    private static Sliding slide(int n, int f, int stride, int pad, boolean floored) {
        return new Sliding(n, n, f, f, stride, pad, floored, "a " + f + "x" + f + " window", false);
    }

    @Test
    void positionsStartInsideThePaddingAndMoveByTheStride() {
        List<Sliding.Position> all = slide(5, 3, 2, 1, false).positions();
        assertEquals(9, all.size());
        assertEquals(new Sliding.Position(0, 0, -1, -1), all.get(0));
        assertEquals(new Sliding.Position(1, 2, 1, 3), all.get(5));
        assertEquals(new Sliding.Position(2, 2, 3, 3), all.get(8));
    }

    @Test
    void thePaddingMaskMarksTheCellsOutsideTheImage() {
        boolean[][] corner = slide(5, 3, 1, 1, false).paddingMask(0, 0);
        assertArrayEquals(new boolean[] {true, true, true}, corner[0]);
        assertArrayEquals(new boolean[] {true, false, false}, corner[1]);
        assertArrayEquals(new boolean[] {true, false, false}, corner[2]);
    }

    @Test
    void aStrideThatDoesNotDivideIsRefusedOrFlooredWithTheSkippedRowsCounted() {
        Sliding exact = slide(7, 3, 3, 0, false);
        assertTrue(exact.problem().contains("4/3 + 1 = 2.33"), exact.problem());
        assertThrows(GeometryException.class, exact::outHeight);
        Sliding floored = exact.withFloor();
        assertNull(floored.problem());
        assertEquals(2, floored.outHeight());
        assertEquals(1, floored.droppedRows());
        assertEquals("(7 - 3 + 2*0) / 3 + 1 = 4/3 + 1 = 2.33", exact.heightFormula());
        assertEquals("(7 - 3 + 2*1) / 3 + 1 = 6/3 + 1 = 3", slide(7, 3, 3, 1, false).heightFormula());
    }

    @Test
    void aFloorDoesNotRescueAWindowLargerThanTheInput() {
        Sliding tooBig = slide(3, 5, 1, 0, true);
        assertTrue(tooBig.problem().contains("larger than its input"), tooBig.problem());
    }
}
