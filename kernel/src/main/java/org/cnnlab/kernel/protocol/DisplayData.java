package org.cnnlab.kernel.protocol;

import java.util.Map;

/** A MIME bundle as the wire carries it: {@code mime type -> text or base64}, plus per-type metadata. */
public record DisplayData(Map<String, String> data, Map<String, Object> metadata) {
    public static DisplayData text(String plain) {
        return new DisplayData(Map.of("text/plain", plain), Map.of());
    }
}
