package org.cnnlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.io.OutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IsCompleteTest {
    private static JShellEvaluator evaluator;
    private static CodeInsight insight;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(new PrintStream(OutputStream.nullOutputStream()));
        insight = new CodeInsight(evaluator);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void completeIncompleteInvalid() {
        assertEquals("complete", insight.completeness("int x = 1;\nx + 1").status());
        assertEquals("complete", insight.completeness("%time 1+1").status());
        assertEquals("incomplete", insight.completeness("void f() {").status());
        assertEquals("    ", insight.completeness("void f() {").indent());
        assertEquals("        ", insight.completeness("class A {\n  void f() {").indent());
        assertEquals("incomplete", insight.completeness("int x = 1 +").status());
        assertEquals("invalid", insight.completeness("int x = 1; }").status());
    }

    @Test
    void cellValueAndCompileErrorPosition() throws Exception {
        assertEquals(2, evaluator.eval("1 + 1", 1).orElseThrow().value());
        CompileErrorException e = org.junit.jupiter.api.Assertions.assertThrows(CompileErrorException.class,
                () -> evaluator.eval("int a = 1;\nint b = nope;", 2));
        org.junit.jupiter.api.Assertions.assertTrue(e.traceback().get(0).contains("line 2, column 9"),
                e.traceback().get(0));
    }

    @Test
    void completionReplacesTheWordBeforeTheCursor() {
        String cell = "int y = 1;\nMath.ab";
        CodeInsight.Completions c = insight.complete(cell, cell.length());
        org.junit.jupiter.api.Assertions.assertTrue(c.matches().contains("abs("), c.matches().toString());
        assertEquals(cell.length() - 2, c.start());
        assertEquals(cell.length(), c.end());
    }
}
