package org.cnnlab.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnlab.Conv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeRuleTest {
    @ParameterizedTest(name = "N={0} F={1} S={2} P={3} -> {4}")
    @CsvSource({
        "7, 3, 1, 0, 5", "7, 3, 2, 0, 3", "32, 5, 1, 0, 28", "28, 5, 1, 2, 28", "227, 11, 4, 0, 55",
        "5, 3, 1, 1, 5", "7, 7, 1, 3, 7", "32, 3, 1, 1, 32", "6, 2, 2, 0, 3", "1, 1, 1, 0, 1"
    })
    void followsTheFormula(int n, int f, int s, int p, int expected) {
        assertEquals(expected, Conv.outputSize(n, f, s, p));
    }

    @Test
    void sevenByThreeAtStrideThreeIsRefusedWithTheArithmeticAndTheFixes() {
        GeometryException e = assertThrows(GeometryException.class, () -> Conv.outputSize(7, 3, 3, 0));
        String m = e.getMessage();
        assertTrue(m.contains("(N - F + 2P) / S + 1 = (7 - 3 + 2*0) / 3 + 1 = 4/3 + 1 = 2.33"), m);
        assertTrue(m.contains("silently floor this to 2"), m);
        assertTrue(m.contains(".stride(1) gives 5, .stride(2) gives 3"), m);
        assertTrue(m.contains(".pad(1) gives (7 - 3 + 2*1) / 3 + 1 = 3"), m);
        assertTrue(m.contains("an input of 6 or 9 fits as it is"), m);
        assertEquals(2.3333, SizeRule.exactOutputSize(7, new Window(3, 3, 0)), 1e-3);
        assertEquals(SizeRule.exactOutputSize(7, new Window(3, 3, 0)), Conv.exactOutputSize(7, 3, 3, 0), "the lesson's word");
    }

    @Test
    void aFilterLargerThanItsInputSaysHowMuchToPad() {
        String m = assertThrows(GeometryException.class, () -> Conv.outputSize(3, 5, 1, 0)).getMessage();
        assertTrue(m.contains("larger than its input"), m);
        assertTrue(m.contains("the 5-wide filter has no position inside 3"), m);
        assertTrue(m.contains(".pad(1) or more"), m);
    }

    @Test
    void nonPositiveNumbersAreNamed() {
        assertTrue(assertThrows(GeometryException.class, () -> Conv.outputSize(7, 3, 0, 0)).getMessage()
                .contains("Received: stride=0"));
        assertTrue(assertThrows(GeometryException.class, () -> Conv.outputSize(7, 0, 1, 0)).getMessage()
                .contains("Received: size=0"));
        assertTrue(assertThrows(GeometryException.class, () -> Conv.outputSize(7, 3, 1, -1)).getMessage()
                .contains("Received: pad=-1"));
    }

    @Test
    void aPoolMayNotPadMoreThanHalfItsWindow() {
        Where pool = new Where("pool1", "", true);
        String m = assertThrows(GeometryException.class, () -> SizeRule.outputSize(8, new Window(2, 2, 2), pool))
                .getMessage();
        assertTrue(m.contains("more than half its 2-wide window") && m.contains(".pad(1) or less"), m);
    }
}
