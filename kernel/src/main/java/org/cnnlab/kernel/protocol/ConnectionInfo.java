package org.cnnlab.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a Jupyter front end tells a kernel in its connection file: where to bind (transport, ip, one port per
 * channel) and how to sign messages (key, signature scheme).
 */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int iopubPort,
                             int stdinPort, int hbPort, String key, String signatureScheme) {

    public static ConnectionInfo read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static ConnectionInfo parse(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new ConnectionInfo(
                string(o, "transport", "tcp"), string(o, "ip", "127.0.0.1"),
                o.get("shell_port").getAsInt(), o.get("control_port").getAsInt(), o.get("iopub_port").getAsInt(),
                o.get("stdin_port").getAsInt(), o.get("hb_port").getAsInt(),
                string(o, "key", ""), string(o, "signature_scheme", "hmac-sha256"));
    }

    /** The ZeroMQ address of one channel, e.g. {@code tcp://127.0.0.1:5555} or {@code ipc://kernel-ipc-1}. */
    public String address(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }

    private static String string(JsonObject o, String name, String fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : fallback;
    }
}
