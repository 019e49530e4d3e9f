package org.cnnlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Closing expressions evaluated as declarations show the same values, and fall back where they cannot. */
class ValueCaptureTest {
    private static final ByteArrayOutputStream notices = new ByteArrayOutputStream();
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(new PrintStream(notices, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static Object value(String cell) throws CellFailure {
        Optional<JShellEvaluator.CellValue> v = evaluator.eval(cell, 1);
        assertTrue(v.isPresent(), "no value for " + cell);
        return v.get().value();
    }

    @Test
    void expressionsShowTheirValues() throws CellFailure {
        assertEquals(2, value("1+1"));
        assertEquals(98, value("'a' + 1"));
        assertEquals("x", value("\"x\" // a comment"));
        assertEquals(3, ((int[]) value("new int[]{1, 2, 3}")).length);
        evaluator.eval("int n = 4;", 1);
        assertEquals(5, value("n = 5"));
        assertEquals(5, value("n"));
        assertEquals(null, value("null"));
    }

    @Test
    void statementsAndVoidCallsShowNothingAndStillRun() throws CellFailure {
        evaluator.eval("var log = new java.util.ArrayList<String>();", 1);
        assertTrue(evaluator.eval("log.clear()", 1).isEmpty());
        assertTrue(evaluator.eval("int declared = 3", 1).isEmpty());
        assertEquals(3, value("declared"));
    }

    @Test
    void errorsAreTheOnesOfTheCellsOwnText() {
        CompileErrorException e = assertThrows(CompileErrorException.class, () -> evaluator.eval("undefinedThing + 1", 1));
        assertTrue(String.join("\n", e.traceback()).contains("undefinedThing + 1"), e.traceback().toString());
    }

    @Test
    void anExpressionOnAMissingMethodIsNotKeptForLater() throws CellFailure {
        assertThrows(CellFailure.class, () -> evaluator.eval("notYetDefined()", 1));
        evaluator.eval("int calls = 0;", 1);
        evaluator.eval("int notYetDefined() { return ++calls; }", 1);
        assertEquals(0, value("calls"), "the failed cell must not run once its method exists");
    }
}
