package org.cnnlab.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * One method per request type: turns a request into IOPub traffic and a reply; execute requests also echo
 * their input and count. Every content field is read through {@link Fields}, which checks its type.
 */
final class RequestHandlers {
    private final LanguageKernel language;
    private final IoPub iopub;
    private final StdinChannel stdin;
    private final CodeRequests code;
    private final Runnable stopServer;
    private final History history = new History();
    private int executionCount;
    private volatile boolean shuttingDown;
    /** Set when an execute request failed with stop_on_error: the requests queued behind it are aborted. */
    private boolean abortQueued;

    private final java.io.PrintStream log;

    RequestHandlers(LanguageKernel language, IoPub iopub, StdinChannel stdin, Runnable stopServer,
                    java.io.PrintStream log) {
        this.log = log;
        this.stdin = stdin;
        this.code = new CodeRequests(language);
        this.language = language;
        this.iopub = iopub;
        this.stopServer = stopServer;
    }

    /**
     * The reply to a request (null for messages the protocol does not answer). A request whose fields are
     * missing or of the wrong type gets an error reply saying which; nothing a request holds escapes as an
     * exception. Busy and idle status are the server's.
     */
    Message handle(Message request, KernelServer.Channel channel) {
        try {
            JsonObject c = request.content();
            switch (request.type()) {
                case "execute_request":
                    return channel == KernelServer.Channel.SHELL ? execute(request) : unknown(request);
                case "kernel_info_request": return request.child("kernel_info_reply", kernelInfo());
                case "complete_request": return request.child("complete_reply", code.complete(c));
                case "inspect_request": return request.child("inspect_reply", code.inspect(c));
                case "is_complete_request": return request.child("is_complete_reply", code.isComplete(c));
                case "history_request": return request.child("history_reply", history(c));
                case "comm_info_request": return request.child("comm_info_reply", commInfo());
                case "comm_open": return closeUnknownComm(request);
                case "comm_msg":
                case "comm_close":
                    log.println("cnnlab kernel: ignored " + request.type() + " for a comm this kernel never opened.");
                    return null;
                case "interrupt_request":
                    language.interrupt();
                    return request.child("interrupt_reply", ok());
                case "shutdown_request": return request.child("shutdown_reply", shutdown(c));
                default: return unknown(request);
            }
        } catch (InvalidRequestException e) {
            log.println("cnnlab kernel: answered an invalid " + request.type() + " with an error: " + e.getMessage());
            return invalid(request, e);
        } catch (RuntimeException | Error e) {
            log.println("cnnlab kernel: " + request.type() + " failed: " + e);
            e.printStackTrace(log);
            return errorReply(request, new ErrorReport(e.getClass().getName(), String.valueOf(e.getMessage()),
                    java.util.List.of("Kernel error in " + request.type() + ": " + e)));
        }
    }

    /** The error reply to a request whose header or content has a missing or wrongly typed field. */
    Message invalid(Message request, InvalidRequestException e) {
        return errorReply(request, new ErrorReport("InvalidRequest", e.getMessage(),
                java.util.List.of("InvalidRequest: " + e.getMessage())));
    }

    private Message errorReply(Message request, ErrorReport error) {
        JsonObject content = error.toContent();
        content.addProperty("status", "error");
        if ("execute_request".equals(request.type())) {
            content.addProperty("execution_count", Math.max(executionCount, 1));
        }
        String type = request.type();
        return request.child(type.endsWith("_request") ? type.replace("_request", "_reply") : "error", content);
    }

    /**
     * A front end opened a comm to a target this kernel does not have (it registers none): it is closed at
     * once, as ipykernel does, so the front end does not wait on it.
     */
    private Message closeUnknownComm(Message request) {
        String commId = Fields.requiredString(request.content(), "content", "comm_id");
        String target = Fields.optionalString(request.content(), "content", "target_name", "");
        log.println("cnnlab kernel: no comm target '" + target + "'; closing comm " + commId + ".");
        JsonObject close = new JsonObject();
        close.addProperty("comm_id", commId);
        close.add("data", new JsonObject());
        iopub.publish(request, "comm_close", close);
        return null;
    }

    /** An execute request that is not run because an earlier one failed (stop_on_error). */
    Message abort(Message request) {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "aborted");
        reply.addProperty("execution_count", Math.max(executionCount, 1));
        return request.child("execute_reply", reply);
    }

    /** True once after an execute request failed with {@code stop_on_error}; resets. */
    boolean takeAbortQueued() {
        boolean was = abortQueued;
        abortQueued = false;
        return was;
    }

    /** After the reply went out: a shutdown stops the server once the last IOPub messages have left. */
    void afterReply(Message request) {
        if (shuttingDown) {
            iopub.drain(1000);
            language.shutdown();
            iopub.close();
            stopServer.run();
        }
    }

    private Message execute(Message request) {
        JsonObject c = request.content();
        String code = Fields.requiredString(c, "content", "code");
        boolean silent = flag(c, "silent", false);
        boolean store = flag(c, "store_history", true) && !silent;
        boolean stopOnError = flag(c, "stop_on_error", true);
        boolean allowStdin = flag(c, "allow_stdin", true);
        JsonObject expressions = Fields.optionalObject(c, "content", "user_expressions");
        for (var e : expressions.entrySet()) {
            Fields.requiredString(expressions, "content.user_expressions", e.getKey());
        }
        if (store) {
            executionCount++;
            history.add(executionCount, code);
        }
        int count = Math.max(executionCount, 1);
        iopub.setCurrentParent(request);
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            iopub.publish(request, "execute_input", input);
        }
        stdin.setCurrent(request, allowStdin);
        ExecuteOutcome outcome;
        try {
            outcome = language.execute(code, count);
        } finally {
            stdin.setCurrent(null, false);
        }
        JsonObject reply;
        if (outcome instanceof ExecuteOutcome.Failure f) {
            iopub.error(request, f.error());
            reply = f.error().toContent();
            reply.addProperty("status", "error");
            abortQueued = !silent && stopOnError;
        } else {
            Optional<DisplayData> result = ((ExecuteOutcome.Success) outcome).result();
            if (result.isPresent() && !silent) {
                iopub.executeResult(request, count, result.get());
                if (store) {
                    history.setOutput(executionCount, result.get().data().get("text/plain"));
                }
            }
            reply = ok();
            reply.add("payload", new JsonArray());
            reply.add("user_expressions", userExpressions(expressions, count));
        }
        reply.addProperty("execution_count", count);
        return request.child("execute_reply", reply);
    }

    /**
     * The request's {@code user_expressions}, each evaluated after the cell succeeded: its value as a bundle,
     * or its own error (as ipykernel answers; a failed cell evaluates none).
     */
    private JsonObject userExpressions(JsonObject expressions, int count) {
        JsonObject answers = new JsonObject();
        for (var e : expressions.entrySet()) {
            ExecuteOutcome outcome = language.evaluate(e.getValue().getAsString(), count);
            JsonObject answer;
            if (outcome instanceof ExecuteOutcome.Failure f) {
                answer = f.error().toContent();
                answer.addProperty("status", "error");
            } else {
                answer = IoPub.bundle(((ExecuteOutcome.Success) outcome).result().orElseThrow());
                answer.addProperty("status", "ok");
            }
            answers.add(e.getKey(), answer);
        }
        return answers;
    }

    private JsonObject kernelInfo() {
        LanguageKernel.LanguageInfo info = language.info();
        JsonObject li = new JsonObject();
        li.addProperty("name", info.name());
        li.addProperty("version", info.version());
        li.addProperty("mimetype", info.mimetype());
        li.addProperty("file_extension", info.fileExtension());
        li.addProperty("pygments_lexer", info.name());
        li.addProperty("codemirror_mode", "text/x-java");
        JsonObject c = ok();
        c.addProperty("protocol_version", Message.PROTOCOL_VERSION);
        c.addProperty("implementation", "cnnlab");
        c.addProperty("implementation_version", info.implementationVersion());
        c.add("language_info", li);
        c.addProperty("banner", info.banner());
        c.addProperty("debugger", false);
        c.add("help_links", new JsonArray());
        return c;
    }

    private JsonObject history(JsonObject c) {
        JsonObject r = ok();
        r.add("history", history.answer(c));
        return r;
    }

    private static JsonObject commInfo() {
        JsonObject r = ok();
        r.add("comms", new JsonObject());
        return r;
    }

    private JsonObject shutdown(JsonObject c) {
        shuttingDown = true;
        JsonObject r = ok();
        r.addProperty("restart", flag(c, "restart", false));
        return r;
    }

    private Message unknown(Message request) {
        log.println("cnnlab kernel: ignoring unsupported request " + request.type());
        return null;
    }

    static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("status", "ok");
        return o;
    }

    private static boolean flag(JsonObject c, String key, boolean fallback) {
        return Fields.optionalBool(c, "content", key, fallback);
    }
}
