package org.cnnlab.kernel.display;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replaces {@code System.out} and {@code System.err} with streams that reach the notebook: text is
 * buffered and sent as stream messages every 50 ms, when the buffer grows big, and before anything is
 * displayed, so that a loop printing a million lines does not send a million messages.
 */
public final class CellStreams implements AutoCloseable {
    private static final int MAX_BUFFER = 64 * 1024;

    private final Buffer out;
    private final Buffer err;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cnnlab-stream-flusher");
        t.setDaemon(true);
        return t;
    });

    public CellStreams(OutputSink sink) {
        this.out = new Buffer("stdout", sink);
        this.err = new Buffer("stderr", sink);
        flusher.scheduleWithFixedDelay(this::flush, 50, 50, TimeUnit.MILLISECONDS);
    }

    public PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    public PrintStream err() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    /** Sends whatever is buffered now. */
    public void flush() {
        out.send();
        err.send();
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
    }

    private static final class Buffer extends OutputStream {
        private final String name;
        private final OutputSink sink;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Buffer(String name, OutputSink sink) {
            this.name = name;
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            boolean full;
            synchronized (this) {
                bytes.write(b, off, len);
                full = bytes.size() > MAX_BUFFER;
            }
            if (full) {
                send();
            }
        }

        @Override
        public void flush() {
            // Timed: the flusher sends; explicit sends come from send().
        }

        void send() {
            String text;
            synchronized (this) {
                if (bytes.size() == 0) {
                    return;
                }
                byte[] all = bytes.toByteArray();
                int cut = completeUtf8Length(all);
                text = new String(all, 0, cut, StandardCharsets.UTF_8);
                bytes.reset();
                bytes.write(all, cut, all.length - cut);
            }
            if (!text.isEmpty()) {
                sink.stream(name, text);
            }
        }

        /** How many leading bytes form whole UTF-8 characters (a character split across writes waits). */
        static int completeUtf8Length(byte[] b) {
            int n = b.length;
            for (int back = 1; back <= Math.min(3, n); back++) {
                int v = b[n - back] & 0xFF;
                if ((v & 0xC0) == 0x80) {
                    continue;
                }
                int need = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : v >= 0xC0 ? 2 : 1;
                return need > back ? n - back : n;
            }
            return n;
        }
    }
}
