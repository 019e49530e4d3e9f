package org.cnnlab.kernel.protocol;

import java.util.ArrayList;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Binds the five channels named in the connection file (and only there) and serves them: shell requests
 * in order on the calling thread, control requests (interrupt, shutdown) on their own thread so that they
 * get through while a cell runs, heartbeats on a third. Every incoming message's signature is checked
 * first; a rejected one is logged to stderr and dropped.
 */
public final class KernelServer {
    private static final int IDLE_POLL_MILLIS = 250;
    /**
     * After a failed cell with stop_on_error, only requests already waiting are aborted (ipykernel's default,
     * stop_on_error_timeout 0): a client that waited for the error reply and sent the next cell is not
     * aborted, even when it answers within a millisecond.
     */
    private static final int ABORT_QUIET_MILLIS = 0;

    private final ConnectionInfo connection;
    private final WireCodec codec;
    private final ZContext context = new ZContext(1);
    private final IoPub iopub;
    private final RequestHandlers handlers;
    private volatile boolean running = true;

    private final PrintStream log;

    /**
     * Binds IOPub, then builds the language on it (so that it can send output) and keeps this process's
     * stderr as its own log: the language may replace {@code System.err} with the notebook's.
     */
    public KernelServer(ConnectionInfo connection, Function<IoPub, LanguageKernel> languageFactory) {
        this.log = System.err;
        this.connection = connection;
        this.codec = new WireCodec(new MessageSigner(connection.key(), connection.signatureScheme()));
        this.iopub = new IoPub(context, connection.address(connection.iopubPort()), codec);
        this.handlers = new RequestHandlers(languageFactory.apply(iopub), iopub, this::stop, log);
    }

    /** Serves until a shutdown request; returns then. */
    public void serve() {
        ZMQ.Socket shell = bind(SocketType.ROUTER, connection.shellPort());
        ZMQ.Socket control = bind(SocketType.ROUTER, connection.controlPort());
        ZMQ.Socket stdin = bind(SocketType.ROUTER, connection.stdinPort());
        ZMQ.Socket heartbeat = bind(SocketType.REP, connection.hbPort());
        daemon("cnnlab-heartbeat", () -> echo(heartbeat));
        daemon("cnnlab-control", () -> loop(control, Channel.CONTROL));
        iopub.status(null, "starting");
        loop(shell, Channel.SHELL);
        stdin.close();
    }

    enum Channel { SHELL, CONTROL }

    private void loop(ZMQ.Socket socket, Channel channel) {
        socket.setReceiveTimeOut(IDLE_POLL_MILLIS);
        boolean aborting = false;
        while (running) {
            List<byte[]> frames = receive(socket);
            if (frames.isEmpty()) {
                if (aborting) {
                    aborting = false; // the queue is empty: new requests run again
                    socket.setReceiveTimeOut(IDLE_POLL_MILLIS);
                }
                continue;
            }
            Message request = decode(frames, channel);
            if (request == null) {
                continue;
            }
            Message reply = aborting && "execute_request".equals(request.type())
                    ? handlers.abort(request) : handlers.handle(request, channel);
            if (reply != null) {
                send(socket, reply);
            }
            handlers.afterReply(request);
            if (channel == Channel.SHELL && !aborting && handlers.takeAbortQueued()) {
                // stop_on_error: execute requests already waiting behind the failed one are answered
                // "aborted", as ipykernel does, until the queue is empty.
                aborting = true;
                socket.setReceiveTimeOut(ABORT_QUIET_MILLIS);
            }
        }
    }

    /** The request, or null when its signature is wrong or it is malformed (logged, never run). */
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
        List<byte[]> frames = codec.encode(reply);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    private static List<byte[]> receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        byte[] first = socket.recv(0);
        if (first == null) {
            return frames;
        }
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    private void echo(ZMQ.Socket heartbeat) {
        heartbeat.setReceiveTimeOut(500);
        while (running) {
            byte[] ping = heartbeat.recv(0);
            if (ping != null) {
                heartbeat.send(ping, 0);
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
            log.println("cnnlab kernel: a cell was still running at shutdown; exiting without it.");
            System.exit(0);
        });
    }
}
