package org.cnnlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion and documentation where a learner asks for them: in the middle of a cell that has not run yet. */
class CompletionTest {
    private static JShellEvaluator evaluator;
    private static CodeInsight insight;

    @BeforeAll
    static void start() throws Exception {
        evaluator = new JShellEvaluator(new PrintStream(OutputStream.nullOutputStream()));
        insight = new CodeInsight(evaluator);
        evaluator.eval("String kept = \"in the session\";", 1);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void aSessionVariableCompletes() {
        CodeInsight.Completions c = insight.complete("kept.toUpp", 10);
        assertTrue(c.matches().contains("toUpperCase("), c.matches().toString());
        assertEquals(5, c.start());
        assertEquals(10, c.end());
    }

    @Test
    void aVariableDeclaredEarlierInTheSameCellCompletes() {
        String cell = "%time\nString greeting = \"hi\";\nint count = 3;\ngreeting.toUpp";
        CodeInsight.Completions c = insight.complete(cell, cell.length());
        assertTrue(c.matches().contains("toUpperCase("), c.matches().toString());
        assertEquals(cell.length() - "toUpp".length(), c.start());
        assertEquals(cell.length(), c.end());
    }

    @Test
    void theCellsVariablesAndTheSessionsAreBothOffered() {
        String cell = "var keptToo = 1;\nkep";
        CodeInsight.Completions c = insight.complete(cell, cell.length());
        assertTrue(c.matches().contains("kept") && c.matches().contains("keptToo"), c.matches().toString());
        assertEquals(cell.length() - 3, c.start());
    }

    @Test
    void aMethodAndAClassDeclaredEarlierInTheCellAreOffered() {
        String cell = "int twice(int x) { return 2 * x; }\nclass Twin { }\n";
        assertTrue(insight.complete(cell + "tw", cell.length() + 2).matches().contains("twice("),
                insight.complete(cell + "tw", cell.length() + 2).matches().toString());
        assertTrue(insight.complete(cell + "Tw", cell.length() + 2).matches().contains("Twin"),
                insight.complete(cell + "Tw", cell.length() + 2).matches().toString());
    }

    @Test
    void theCursorInsideALoopSeesTheCellsVariables() {
        String cell = "var names = new java.util.ArrayList<String>();\nfor (int i = 0; i < 3; i++) {\n    names.ad\n}";
        int cursor = cell.indexOf("names.ad") + "names.ad".length();
        CodeInsight.Completions c = insight.complete(cell, cursor);
        assertTrue(c.matches().contains("add("), c.matches().toString());
        assertEquals(cursor - 2, c.start());
    }

    @Test
    void nothingIsRunWhileCompleting() throws Exception {
        String cell = "int ranWhileCompleting = 42;\nranWhileComp";
        assertTrue(insight.complete(cell, cell.length()).matches().contains("ranWhileCompleting"));
        assertFalse(evaluator.shell().variables().anyMatch(v -> v.name().equals("ranWhileCompleting")));
    }

    @Test
    void documentationFindsAMethodOfAVariableDeclaredEarlierInTheCell() {
        String cell = "String greeting = \"hi\";\ngreeting.toUpperCase()";
        int cursor = cell.indexOf("toUpperCase") + 3;
        assertTrue(insight.documentation(cell, cursor).stream().anyMatch(d -> d.signature().contains("toUpperCase")),
                insight.documentation(cell, cursor).toString());
    }

    @Test
    void inspectingASessionVariableShowsItsTypeWithTheTypesJavadoc() throws Exception {
        evaluator.eval("var words = new java.util.ArrayList<String>();", 2);
        java.util.List<CodeInsight.Doc> docs = insight.documentation("words.size()", 2);
        assertEquals(1, docs.size(), docs.toString());
        assertEquals("words:java.util.ArrayList<java.lang.String>", docs.get(0).signature());
        assertTrue(docs.get(0).javadoc().contains("Resizable-array"), docs.get(0).javadoc());
    }
}
