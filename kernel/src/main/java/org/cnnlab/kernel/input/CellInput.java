package org.cnnlab.kernel.input;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.in} in the kernel: when a cell reads and nothing is buffered, the notebook shows an input
 * box (after what the cell printed so far) and the line typed there is what the cell reads, followed by a
 * line end. Where the front end accepts no input, reading throws an exception saying so, instead of the
 * end of input (which {@code Scanner} would report as a puzzling NoSuchElementException). An interrupt
 * while waiting ends the wait, and the cell is reported interrupted.
 */
public final class CellInput extends InputStream {
    private static volatile CellInput installed;

    private final LineSource source;
    private final Runnable flushOutput;
    private byte[] buffer = new byte[0];
    private int next;

    public CellInput(LineSource source, Runnable flushOutput) {
        this.source = source;
        this.flushOutput = flushOutput;
    }

    /** Makes this the kernel's input: {@code System.in} and {@link #ask}. */
    public static void install(CellInput input) {
        installed = input;
        System.setIn(input);
    }

    /**
     * Shows {@code prompt} with an input box and returns the line typed ({@code password}: hidden as typed).
     *
     * @throws IllegalStateException outside the kernel, or where the front end accepts no input
     */
    public static String ask(String prompt, boolean password) {
        CellInput input = installed;
        if (input == null) {
            throw new IllegalStateException("readLine and readPassword need the cnnlab kernel; in JShell use "
                    + "new Scanner(System.in).nextLine().");
        }
        try {
            return input.line(prompt, password);
        } catch (InterruptedIOException e) {
            throw new IllegalStateException("Interrupted while waiting for input.", e);
        }
    }

    @Override
    public synchronized int read() throws InterruptedIOException {
        if (!fill()) {
            return -1;
        }
        return buffer[next++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - next);
        System.arraycopy(buffer, next, b, off, n);
        next += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - next;
    }

    /** True when bytes are buffered, after asking the user for a line if none were. */
    private boolean fill() throws InterruptedIOException {
        if (next < buffer.length) {
            return true;
        }
        buffer = (line("", false) + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return buffer.length > 0;
    }

    private String line(String prompt, boolean password) throws InterruptedIOException {
        flushOutput.run();
        try {
            String line = source.readLine(prompt, password);
            if (line == null) {
                throw new InputNotAvailableException();
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the cell must still see that it was interrupted
            throw new InterruptedIOException("interrupted while waiting for input");
        }
    }
}
