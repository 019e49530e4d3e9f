package org.cnnlab.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads one field of a message's header or content, checking its JSON type before use: a client may send
 * anything in a correctly signed message, and a wrong type must become a clear error reply, never an
 * exception deep inside the kernel. Absent and {@code null} optional fields take their default.
 */
final class Fields {
    private Fields() {}

    static String requiredString(JsonObject o, String where, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new InvalidRequestException(where + "." + key + " is missing; send it as a JSON string.");
        }
        return string(e, where, key);
    }

    static String optionalString(JsonObject o, String where, String key, String fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : string(e, where, key);
    }

    static int optionalInt(JsonObject o, String where, String key, int fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            double d = p.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw wrongType(where, key, e, "an integer");
    }

    static boolean optionalBool(JsonObject o, String where, String key, boolean fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (e instanceof JsonPrimitive p && p.isBoolean()) {
            return p.getAsBoolean();
        }
        throw wrongType(where, key, e, "true or false");
    }

    /** The object under {@code key}, or an empty one when absent or null. */
    static JsonObject optionalObject(JsonObject o, String where, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (e.isJsonObject()) {
            return e.getAsJsonObject();
        }
        throw wrongType(where, key, e, "a JSON object");
    }

    /** A string field's value when it is one, else null (for logging and replying to broken headers). */
    static String stringOrNull(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
    }

    private static String string(JsonElement e, String where, String key) {
        if (e instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        throw wrongType(where, key, e, "a JSON string");
    }

    static InvalidRequestException wrongType(String where, String key, JsonElement received, String expected) {
        return new InvalidRequestException(where + "." + key + " must be " + expected + "; received "
                + shorten(received.toString()) + ".");
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
