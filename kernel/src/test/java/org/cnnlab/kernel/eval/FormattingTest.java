package org.cnnlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FormattingTest {
    @Test
    void markedLineUnderlinesTheSpan() {
        String cell = "int a = 1;\nint b = missing + a;";
        int start = cell.indexOf("missing");
        assertEquals("    int b = missing + a;\n            ^^^^^^^",
                ErrorFormatter.markedLine(cell, start, start + 7));
    }

    @Test
    void lineAndColumnAreOneBased() {
        String text = "ab\ncd";
        assertEquals(2, CellLocations.lineOf(text, 4));
        assertEquals(2, CellLocations.columnOf(text, 4));
        assertEquals(1, CellLocations.columnOf(text, 0));
    }

    @Test
    void wrapperLocationsAreDroppedFromMessages() {
        assertEquals("cannot find symbol\n  symbol:   variable q",
                ErrorFormatter.cleanMessage("cannot find symbol\n  symbol:   variable q\n  location: class"));
    }

    @Test
    void trailingSemicolonHidesTheResult() {
        assertTrue(ResultPolicy.endsWithSemicolon("display(x);"));
        assertTrue(ResultPolicy.endsWithSemicolon("x; // note"));
        assertFalse(ResultPolicy.endsWithSemicolon("1 + 1"));
        assertFalse(ResultPolicy.endsWithSemicolon("\"a;\" // b"));
    }

    @Test
    void openBracesIgnoreStringsAndComments() {
        assertEquals(1, CodeInsight.openBraces("void f() { String s = \"}\"; // }"));
        assertEquals(-1, CodeInsight.openBraces("int x = 1; }"));
        assertEquals(0, CodeInsight.openBraces("class A { /* { */ }"));
    }
}
