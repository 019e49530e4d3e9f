package org.cnnlab.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream whose destination is chosen later: JShell starts (and takes the stream for its notices) before the
 * notebook's stderr exists, since the sockets it needs are bound in parallel. Until {@link #connect} it writes
 * to the terminal's stderr.
 */
final class LateStream extends OutputStream {
    private volatile PrintStream target = System.err;

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    void connect(PrintStream destination) {
        target = destination;
    }

    @Override
    public void write(int b) {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        target.write(b, off, len);
    }

    @Override
    public void flush() {
        target.flush();
    }
}
