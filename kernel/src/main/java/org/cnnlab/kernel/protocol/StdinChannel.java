package org.cnnlab.kernel.protocol;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import org.zeromq.ZMQ;

/**
 * The stdin channel: a running cell asks the front end for a line ({@code input_request}) and waits for the
 * user's {@code input_reply}. One thread owns the socket (ZeroMQ sockets are not thread-safe): it sends the
 * queued requests and reads replies; the cell's thread waits on a future, so an interrupt ends the wait.
 * A reply that answers no open request, or a message of another type, is logged and dropped.
 */
public final class StdinChannel {
    private static final int POLL_MILLIS = 20;

    private final BlockingQueue<Message> outgoing = new LinkedBlockingQueue<>();
    private final PrintStream log;
    /** The execute request now running, and whether its client accepts input requests. */
    private volatile Message current;
    private volatile boolean allowed;
    private volatile Waiting waiting;

    private record Waiting(String msgId, CompletableFuture<String> answer) {}

    StdinChannel(PrintStream log) {
        this.log = log;
    }

    /** The execute request whose cell may ask for input from now on ({@code allow_stdin} says if it may). */
    void setCurrent(Message request, boolean allowStdin) {
        this.current = request;
        this.allowed = allowStdin;
    }

    /**
     * Asks the front end of the running cell for one line and waits for it; null when no cell runs or its
     * client sent {@code allow_stdin: false} (nobody could answer).
     *
     * @throws InterruptedException when the cell is interrupted while waiting
     */
    public String readLine(String prompt, boolean password) throws InterruptedException {
        Message request = current;
        if (request == null || !allowed) {
            return null;
        }
        JsonObject content = new JsonObject();
        content.addProperty("prompt", prompt);
        content.addProperty("password", password);
        Message ask = request.child("input_request", content);
        Waiting w = new Waiting(Fields.stringOrNull(ask.header(), "msg_id"), new CompletableFuture<>());
        waiting = w;
        outgoing.add(ask);
        try {
            return w.answer().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The front end's input_reply was not usable: "
                    + e.getCause().getMessage(), e.getCause());
        } finally {
            waiting = null;
        }
    }

    /** Serves the socket until {@code running} turns false; nothing received can end this loop. */
    void serve(ZMQ.Socket socket, WireCodec codec, BooleanSupplier running) {
        socket.setReceiveTimeOut(POLL_MILLIS);
        while (running.getAsBoolean()) {
            try {
                Message out = outgoing.poll();
                if (out != null) {
                    KernelServer.send(socket, codec, out);
                }
                List<byte[]> frames = KernelServer.frames(socket, 0);
                if (frames != null) {
                    accept(codec.decode(frames));
                }
            } catch (SignatureRejectedException | MalformedMessageException e) {
                log.println("cnnlab kernel: dropped a message on STDIN: " + e.getMessage());
            } catch (RuntimeException | Error e) {
                log.println("cnnlab kernel: the STDIN channel kept serving after an error: " + e);
            }
        }
    }

    /**
     * Completes the open input request with this reply. jupyter_client sends input_reply without a parent
     * header, so a reply without one answers the open request; one naming another request is stale.
     */
    private void accept(Message m) {
        try {
            m.checkHeader();
        } catch (InvalidRequestException e) {
            log.println("cnnlab kernel: rejected a message on STDIN with a bad header: " + e.getMessage());
            return;
        }
        Waiting w = waiting;
        String parent = Fields.stringOrNull(m.parentHeader(), "msg_id");
        if (!"input_reply".equals(m.type()) || w == null || (parent != null && !w.msgId().equals(parent))) {
            log.println("cnnlab kernel: ignored a " + m.type() + " on STDIN that answers no open input request.");
            return;
        }
        try {
            w.answer().complete(Fields.requiredString(m.content(), "content", "value"));
        } catch (InvalidRequestException e) {
            w.answer().completeExceptionally(e); // the cell fails with this message instead of waiting forever
        }
    }
}
