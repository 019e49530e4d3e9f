package org.cnnlab.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZContext;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The IOPub channel. Any thread may publish (the shell thread, user code printing or showing pictures from
 * a background thread); one sender thread owns the socket, since ZeroMQ sockets are not thread-safe.
 * Output without an explicit parent goes to the request being executed, or the last one.
 */
public final class IoPub implements AutoCloseable {
    private static final Message STOP = Message.orphan("stop", "", new JsonObject());

    private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    private final WireCodec codec;
    private final Thread sender;
    private volatile Message currentParent;

    private final java.io.PrintStream log;

    IoPub(ZContext context, String address, WireCodec codec, java.io.PrintStream log) {
        this.codec = codec;
        this.log = log;
        ZMQ.Socket socket = context.createSocket(SocketType.PUB);
        socket.setLinger(1000);
        socket.bind(address);
        this.sender = new Thread(() -> sendLoop(socket), "cnnlab-iopub");
        sender.setDaemon(true);
        sender.start();
    }

    /** The request whose cell receives output from now on. */
    void setCurrentParent(Message parent) {
        this.currentParent = parent;
    }

    public void publish(Message parent, String msgType, JsonObject content) {
        Message m = parent == null
                ? Message.orphan(msgType, "", content)
                : parent.child(msgType, content);
        queue.add(m.withIdentities(List.of(("kernel." + msgType).getBytes(StandardCharsets.UTF_8))));
    }

    public void status(Message parent, String state) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", state);
        publish(parent, "status", c);
    }

    /** Text written to stdout or stderr by the running cell. */
    public void stream(String name, String text) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("text", text);
        publish(currentParent, "stream", c);
    }

    /** A display_data (or, with {@code update}, an update_display_data) for the running cell. */
    public void display(DisplayData d, String displayId, boolean update) {
        JsonObject c = bundle(d);
        JsonObject transient_ = new JsonObject();
        if (displayId != null) {
            transient_.addProperty("display_id", displayId);
        }
        c.add("transient", transient_);
        publish(currentParent, update ? "update_display_data" : "display_data", c);
    }

    public void clearOutput(boolean wait) {
        JsonObject c = new JsonObject();
        c.addProperty("wait", wait);
        publish(currentParent, "clear_output", c);
    }

    void executeResult(Message parent, int count, DisplayData d) {
        JsonObject c = bundle(d);
        c.addProperty("execution_count", count);
        publish(parent, "execute_result", c);
    }

    void error(Message parent, ErrorReport e) {
        publish(parent, "error", e.toContent());
    }

    static JsonObject bundle(DisplayData d) {
        JsonObject c = new JsonObject();
        JsonObject data = new JsonObject();
        d.data().forEach(data::addProperty);
        c.add("data", data);
        c.add("metadata", WireCodec.toTree(d.metadata()));
        return c;
    }

    static JsonArray strings(List<String> lines) {
        JsonArray a = new JsonArray();
        lines.forEach(a::add);
        return a;
    }

    /** Sends what is queued, waiting at most {@code millis} for the queue to drain. */
    void drain(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!queue.isEmpty() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private void sendLoop(ZMQ.Socket socket) {
        try {
            while (true) {
                Message m = queue.take();
                if (m == STOP) {
                    break;
                }
                try {
                    KernelServer.send(socket, codec, m);
                } catch (RuntimeException e) {
                    log.println("cnnlab kernel: could not publish a " + m.header().get("msg_type") + ": " + e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.close();
        }
    }

    @Override
    public void close() {
        queue.add(STOP);
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
