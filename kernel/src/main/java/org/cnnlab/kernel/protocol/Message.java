package org.cnnlab.kernel.protocol;

import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One Jupyter message: the routing identities, then header, parent header, metadata and content as JSON,
 * then any binary buffers.
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata,
                      JsonObject content, List<byte[]> buffers) {

    public static final String PROTOCOL_VERSION = "5.3";

    /** The header's msg_type; empty when it is missing or not a string (see {@link #checkHeader()}). */
    public String type() {
        String t = Fields.stringOrNull(header, "msg_type");
        return t == null ? "" : t;
    }

    /** The header's session; empty when it is missing or not a string, so that replies can still be built. */
    public String session() {
        String s = Fields.stringOrNull(header, "session");
        return s == null ? "" : s;
    }

    /**
     * Checks the header fields the kernel reads or echoes: msg_id, msg_type and session must be strings;
     * username, date and version, where present, too.
     *
     * @throws InvalidRequestException naming the first wrong field and what it held
     */
    public void checkHeader() {
        for (String key : List.of("msg_id", "msg_type", "session")) {
            Fields.requiredString(header, "header", key);
        }
        for (String key : List.of("username", "date", "version")) {
            Fields.optionalString(header, "header", key, "");
        }
    }

    /** A new message answering or caused by this one: same identities and session, this header as parent. */
    public Message child(String msgType, JsonObject content) {
        return new Message(identities, newHeader(msgType, session()), header, new JsonObject(), content, List.of());
    }

    /** A new message with no parent, e.g. the kernel's first {@code status: starting}. */
    public static Message orphan(String msgType, String session, JsonObject content) {
        return new Message(List.of(), newHeader(msgType, session), new JsonObject(), new JsonObject(), content,
                List.of());
    }

    /** The same message for other recipients (an IOPub topic instead of a shell identity). */
    public Message withIdentities(List<byte[]> ids) {
        return new Message(ids, header, parentHeader, metadata, content, buffers);
    }

    static JsonObject newHeader(String msgType, String session) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", session);
        h.addProperty("username", "kernel");
        h.addProperty("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        h.addProperty("msg_type", msgType);
        h.addProperty("version", PROTOCOL_VERSION);
        return h;
    }
}
