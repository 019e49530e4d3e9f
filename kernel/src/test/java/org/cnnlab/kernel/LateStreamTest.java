package org.cnnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LateStreamTest {
    @Test
    void writesToTheStderrOfItsCreationUntilConnectedThenToItsDestination() {
        PrintStream terminal = System.err;
        ByteArrayOutputStream early = new ByteArrayOutputStream();
        ByteArrayOutputStream cell = new ByteArrayOutputStream();
        LateStream late;
        System.setErr(new PrintStream(early, true, StandardCharsets.UTF_8));
        try {
            late = new LateStream();
        } finally {
            System.setErr(terminal);
        }
        PrintStream notices = late.printStream();
        notices.println("before");
        late.connect(new PrintStream(cell, true, StandardCharsets.UTF_8));
        notices.println("after, ünïcode");
        assertEquals("before" + System.lineSeparator(), early.toString(StandardCharsets.UTF_8));
        assertEquals("after, ünïcode" + System.lineSeparator(), cell.toString(StandardCharsets.UTF_8));
    }
}
