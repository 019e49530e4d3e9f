package org.cnnlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuickCompletenessTest {
    private static String status(String code) {
        return QuickCompleteness.judge(code).status();
    }

    @Test
    void openBracketsStringsAndOperatorsAreIncomplete() {
        assertEquals("incomplete", status("void f() {"));
        assertEquals("incomplete", status("int x = "));
        assertEquals("incomplete", status("var s = \"\"\"\n  text"));
        assertEquals("incomplete", status("/* a comment"));
        assertEquals("incomplete", status("list.stream()\n    ."));
        assertEquals("    ".repeat(2), QuickCompleteness.judge("class A {\n  void f() {").indent());
    }

    @Test
    void balancedCodeIsComplete() {
        assertEquals("complete", status("1+1"));
        assertEquals("complete", status("int x = 1;"));
        assertEquals("complete", status("String s = \"{ ( [\"; // {"));
        assertEquals("complete", status("char c = '}';"));
        assertEquals("complete", status(""));
    }

    @Test
    void unterminatedStringOnOneLineIsInvalid() {
        assertEquals("invalid", status("String s = \"abc\nmore"));
    }
}
