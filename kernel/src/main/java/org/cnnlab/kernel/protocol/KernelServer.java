package org.cnnlab.kernel.protocol;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import org.cnnlab.kernel.launch.StartupTrace;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Binds the five channels named in the connection file (and only there) and serves them: shell requests
 * in order on the calling thread, control requests (interrupt, shutdown) on their own thread so that they
 * get through while a cell runs, heartbeats on a third, stdin (answers to input requests) on a fourth. Every
 * incoming message's signature is checked first; a rejected or replayed one is logged to stderr and dropped.
 * No thread ends because of what a client sends.
 */
public final class KernelServer {
    private static final int IDLE_POLL_MILLIS = 250;

    private final ConnectionInfo connection;
    private final WireCodec codec;
    private final ZContext context = new ZContext(1);
    private final IoPub iopub;
    private final RequestHandlers handlers;
    private final StdinChannel stdin;
    private volatile boolean running = true;
    /** Set when the shell loop has returned: the process is ending normally, the exit watchdog stays quiet. */
    private volatile boolean shellLoopEnded;

    private final PrintStream log;

    /**
     * Binds IOPub, then builds the language on it (so that it can send output) and keeps this process's
     * stderr as its own log: the language may replace {@code System.err} with the notebook's.
     */
    public KernelServer(ConnectionInfo connection, BiFunction<IoPub, StdinChannel, LanguageKernel> languageFactory) {
        this.log = System.err;
        this.connection = connection;
        this.codec = new WireCodec(new MessageSigner(connection.key(), connection.signatureScheme()));
        this.iopub = new IoPub(context, connection.address(connection.iopubPort()), codec, log);
        this.stdin = new StdinChannel(log);
        this.handlers = new RequestHandlers(languageFactory.apply(iopub, stdin), iopub, stdin, this::stop, log);
    }

    /** Serves until a shutdown request; returns then. */
    public void serve() {
        ZMQ.Socket shell = bind(SocketType.ROUTER, connection.shellPort());
        ZMQ.Socket control = bind(SocketType.ROUTER, connection.controlPort());
        ZMQ.Socket stdinSocket = bind(SocketType.ROUTER, connection.stdinPort());
        ZMQ.Socket heartbeat = bind(SocketType.REP, connection.hbPort());
        daemon("cnnlab-heartbeat", () -> echo(heartbeat));
        daemon("cnnlab-control", () -> loop(control, Channel.CONTROL));
        daemon("cnnlab-stdin", () -> stdin.serve(stdinSocket, codec, () -> running));
        iopub.status(null, "starting");
        loop(shell, Channel.SHELL);
        shellLoopEnded = true;
    }

    enum Channel { SHELL, CONTROL }

    /** A received message, and whether it is an execute request to abort (it was waiting behind a failure). */
    private record Received(List<byte[]> frames, boolean abortIfExecute) {}

    /**
     * Serves one channel until shutdown. Nothing a client sends can end this loop: whatever escapes the
     * handling of one message is logged, and the next message is served.
     */
    private void loop(ZMQ.Socket socket, Channel channel) {
        socket.setReceiveTimeOut(IDLE_POLL_MILLIS);
        Deque<Received> waiting = new ArrayDeque<>();
        while (running) {
            try {
                Received next = waiting.isEmpty() ? receive(socket, false) : waiting.poll();
                if (next != null) {
                    serveOne(socket, channel, next, waiting);
                }
            } catch (RuntimeException | Error e) {
                log.println("cnnlab kernel: the " + channel + " channel kept serving after an internal error: " + e);
                e.printStackTrace(log);
            }
        }
    }

    private void serveOne(ZMQ.Socket socket, Channel channel, Received received, Deque<Received> waiting) {
        Message request = decode(received.frames(), channel);
        if (request == null) {
            return;
        }
        try {
            request.checkHeader();
        } catch (InvalidRequestException e) {
            rejectHeader(socket, channel, request, e);
            return;
        }
        StartupTrace.mark("received " + request.type());
        iopub.status(request, "busy");
        try {
            Message reply = received.abortIfExecute() && "execute_request".equals(request.type())
                    ? handlers.abort(request) : handlers.handle(request, channel);
            if (channel == Channel.SHELL && handlers.takeAbortQueued()) {
                // stop_on_error: the requests already waiting are collected BEFORE the failed cell's reply and
                // idle status leave, so that only they are aborted (as ipykernel does); a request a client sends
                // after seeing the reply arrives later and runs.
                drainInto(socket, waiting);
            }
            if (reply != null) {
                send(socket, reply);
            }
            StartupTrace.mark("answered " + request.type());
        } finally {
            iopub.status(request, "idle");
        }
        handlers.afterReply(request);
    }

    /**
     * A signed message whose header fields are missing or of the wrong type: answered with an error reply
     * where its msg_type names a request, otherwise only logged (the protocol has no reply to give).
     */
    private void rejectHeader(ZMQ.Socket socket, Channel channel, Message request, InvalidRequestException e) {
        String type = request.type();
        log.println("cnnlab kernel: rejected a message on " + channel + " with a bad header: " + e.getMessage());
        if (type.endsWith("_request")) {
            send(socket, handlers.invalid(request, e));
        }
    }

    /** Moves every message already received on the socket into {@code waiting}, marked for aborting. */
    private void drainInto(ZMQ.Socket socket, Deque<Received> waiting) {
        Received r;
        while ((r = receive(socket, true)) != null) {
            waiting.add(r);
        }
    }

    /** The request, or null when its signature is wrong, it is a replay, or it is malformed (logged, never run). */
    private Message decode(List<byte[]> frames, Channel channel) {
        try {
            return codec.decode(frames);
        } catch (SignatureRejectedException e) {
            log.println("cnnlab kernel: rejected a message on " + channel + ": " + e.getMessage()
                    + "; it was not executed.");
        } catch (MalformedMessageException e) {
            log.println("cnnlab kernel: dropped a malformed message on " + channel + ": " + e.getMessage());
        }
        return null;
    }

    private void send(ZMQ.Socket socket, Message reply) {
        send(socket, codec, reply);
    }

    static void send(ZMQ.Socket socket, WireCodec codec, Message reply) {
        List<byte[]> frames = codec.encode(reply);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** The next message, or null when none came within the poll interval (or at once, if {@code now}). */
    private static Received receive(ZMQ.Socket socket, boolean now) {
        List<byte[]> frames = frames(socket, now ? ZMQ.DONTWAIT : 0);
        return frames == null ? null : new Received(frames, now);
    }

    /** The frames of the next message, or null when none came within the socket's receive timeout. */
    static List<byte[]> frames(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    private void echo(ZMQ.Socket heartbeat) {
        heartbeat.setReceiveTimeOut(500);
        while (running) {
            try {
                byte[] ping = heartbeat.recv(0);
                if (ping != null) {
                    heartbeat.send(ping, 0);
                }
            } catch (RuntimeException e) {
                log.println("cnnlab kernel: the heartbeat kept beating after an error: " + e);
            }
        }
    }

    private ZMQ.Socket bind(SocketType type, int port) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(1000);
        s.bind(connection.address(port));
        return s;
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Ends serving after a shutdown request (on the control thread). Should the shell thread be stuck in a
     * cell that cannot be stopped (Java 20 and later), {@link #serve()} never returns: the process exits
     * anyway after a second, rather than waiting for the front end to kill it.
     */
    private void stop() {
        running = false;
        daemon("cnnlab-exit", () -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (shellLoopEnded) {
                return; // the main thread is already ending the process (writing a CDS archive can take seconds)
            }
            log.println("cnnlab kernel: a cell was still running at shutdown; exiting without it.");
            System.exit(0);
        });
    }
}
