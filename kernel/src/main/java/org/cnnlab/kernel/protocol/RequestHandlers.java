package org.cnnlab.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * One method per request type: turns a request into IOPub traffic and a reply. Every request is wrapped
 * in {@code busy}/{@code idle} status messages; execute requests also echo their input and count.
 */
final class RequestHandlers {
    private final LanguageKernel language;
    private final IoPub iopub;
    private final Runnable stopServer;
    private final History history = new History();
    private int executionCount;
    private volatile boolean shuttingDown;
    /** Set when an execute request failed with stop_on_error: the requests queued behind it are aborted. */
    private boolean abortQueued;

    private final java.io.PrintStream log;

    RequestHandlers(LanguageKernel language, IoPub iopub, Runnable stopServer, java.io.PrintStream log) {
        this.log = log;
        this.language = language;
        this.iopub = iopub;
        this.stopServer = stopServer;
    }

    Message handle(Message request, KernelServer.Channel channel) {
        iopub.status(request, "busy");
        try {
            JsonObject c = request.content();
            switch (request.type()) {
                case "execute_request":
                    return channel == KernelServer.Channel.SHELL ? execute(request) : unknown(request);
                case "kernel_info_request": return request.child("kernel_info_reply", kernelInfo());
                case "complete_request": return request.child("complete_reply", complete(c));
                case "inspect_request": return request.child("inspect_reply", inspect(c));
                case "is_complete_request": return request.child("is_complete_reply", isComplete(c));
                case "history_request": return request.child("history_reply", history(c));
                case "comm_info_request": return request.child("comm_info_reply", commInfo());
                case "interrupt_request":
                    language.interrupt();
                    return request.child("interrupt_reply", ok());
                case "shutdown_request": return request.child("shutdown_reply", shutdown(c));
                default: return unknown(request);
            }
        } catch (RuntimeException e) {
            log.println("cnnlab kernel: " + request.type() + " failed: " + e);
            e.printStackTrace(log);
            return request.child(request.type().replace("_request", "_reply"),
                    new ErrorReport(e.getClass().getName(), String.valueOf(e.getMessage()),
                            java.util.List.of("Kernel error in " + request.type() + ": " + e)).toContent());
        } finally {
            iopub.status(request, "idle");
        }
    }

    /** An execute request that is not run because an earlier one failed (stop_on_error). */
    Message abort(Message request) {
        iopub.status(request, "busy");
        try {
            JsonObject reply = new JsonObject();
            reply.addProperty("status", "aborted");
            return request.child("execute_reply", reply);
        } finally {
            iopub.status(request, "idle");
        }
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
        String code = c.has("code") ? c.get("code").getAsString() : "";
        boolean silent = flag(c, "silent", false);
        boolean store = flag(c, "store_history", true) && !silent;
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
        ExecuteOutcome outcome = language.execute(code, count);
        JsonObject reply;
        if (outcome instanceof ExecuteOutcome.Failure f) {
            iopub.error(request, f.error());
            reply = f.error().toContent();
            reply.addProperty("status", "error");
            abortQueued = !silent && flag(c, "stop_on_error", true);
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
            reply.add("user_expressions", userExpressions(c, count));
        }
        reply.addProperty("execution_count", count);
        return request.child("execute_reply", reply);
    }

    /**
     * The request's {@code user_expressions}, each evaluated after the cell succeeded: its value as a bundle,
     * or its own error (as ipykernel answers; a failed cell evaluates none).
     */
    private JsonObject userExpressions(JsonObject c, int count) {
        JsonObject answers = new JsonObject();
        if (!c.has("user_expressions") || !c.get("user_expressions").isJsonObject()) {
            return answers;
        }
        for (var e : c.getAsJsonObject("user_expressions").entrySet()) {
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

    private JsonObject complete(JsonObject c) {
        String code = c.get("code").getAsString();
        int cursor = c.has("cursor_pos") ? c.get("cursor_pos").getAsInt() : code.length();
        LanguageKernel.Completions found = language.complete(code, cursor);
        JsonObject r = ok();
        r.add("matches", IoPub.strings(found.matches()));
        r.addProperty("cursor_start", found.cursorStart());
        r.addProperty("cursor_end", found.cursorEnd());
        r.add("metadata", new JsonObject());
        return r;
    }

    private JsonObject inspect(JsonObject c) {
        String code = c.get("code").getAsString();
        int cursor = c.has("cursor_pos") ? c.get("cursor_pos").getAsInt() : code.length();
        int detail = c.has("detail_level") ? c.get("detail_level").getAsInt() : 0;
        Optional<DisplayData> doc = language.inspect(code, cursor, detail);
        JsonObject r = doc.map(IoPub::bundle).orElseGet(() -> {
            JsonObject empty = new JsonObject();
            empty.add("data", new JsonObject());
            empty.add("metadata", new JsonObject());
            return empty;
        });
        r.addProperty("status", "ok");
        r.addProperty("found", doc.isPresent());
        return r;
    }

    private JsonObject isComplete(JsonObject c) {
        LanguageKernel.Completeness answer = language.isComplete(c.get("code").getAsString());
        JsonObject r = new JsonObject();
        r.addProperty("status", answer.status());
        if ("incomplete".equals(answer.status())) {
            r.addProperty("indent", answer.indent());
        }
        return r;
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

    private static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("status", "ok");
        return o;
    }

    private static boolean flag(JsonObject c, String key, boolean fallback) {
        return c.has(key) && !c.get(key).isJsonNull() ? c.get(key).getAsBoolean() : fallback;
    }
}
