package org.cnnlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExitCallsTest {
    @Test
    void findsExitsAsWritten() {
        assertEquals(Optional.of("System.exit"), ExitCalls.find("int a = 1;\nSystem.exit(0);"));
        assertEquals(Optional.of("System.exit"), ExitCalls.find("java.lang.System . exit (1)"));
        assertEquals(Optional.of("Runtime.getRuntime().halt"), ExitCalls.find("Runtime.getRuntime()\n  .halt(2);"));
        assertEquals(Optional.of("Runtime.getRuntime().exit"), ExitCalls.find("if (x) Runtime.getRuntime().exit(3);"));
        assertEquals(Optional.of("System::exit"), ExitCalls.find("IntConsumer quit = System::exit;"));
        assertEquals(Optional.of("import static java.lang.System.exit"),
                ExitCalls.find("import static java.lang.System.exit;"));
    }

    @Test
    void ignoresCommentsLiteralsAndLookAlikes() {
        assertTrue(ExitCalls.find("// System.exit(0)\nint a = 1;").isEmpty());
        assertTrue(ExitCalls.find("/* Runtime.getRuntime().halt(1) */ int a;").isEmpty());
        assertTrue(ExitCalls.find("String s = \"System.exit(\\\"\" + 'x';").isEmpty());
        assertTrue(ExitCalls.find("String t = \"\"\"\n  System.exit(0)\n  \"\"\";").isEmpty());
        assertTrue(ExitCalls.find("char q = '\"'; MySystem.exit(0); machine.halt(1);").isEmpty());
        assertEquals(Optional.of("System.exit"), ExitCalls.find("String s = \"a\"; System.exit(0);"));
    }

    @Test
    void blankingKeepsOffsetsAndLines() {
        String source = "a /* b\nc */ \"d\" e";
        String code = ExitCalls.codeOnly(source);
        assertEquals(source.length(), code.length());
        assertEquals("a     \n         e", code);
    }
}
