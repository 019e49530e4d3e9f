package org.cnnlab.render;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One result in several representations, keyed by MIME type, as Jupyter displays them: a front end picks
 * the richest one it understands. Text types hold their text; binary types ({@code image/png}) hold their
 * bytes base64-encoded, which is what the Jupyter wire format carries. Every bundle has {@code text/plain},
 * so a terminal or a plain client always has something useful to print.
 *
 * <p>Immutable: the {@code with...} methods return a new bundle.
 */
public final class MimeBundle {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    public static final String GIF = "image/gif";
    public static final String MARKDOWN = "text/markdown";

    private final Map<String, String> data;
    private final Map<String, Object> metadata;

    private MimeBundle(Map<String, String> data, Map<String, Object> metadata) {
        this.data = Collections.unmodifiableMap(data);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /** A bundle with only its plain-text form. */
    public static MimeBundle text(String plainText) {
        Objects.requireNonNull(plainText, "plainText must not be null: every bundle needs a text/plain form");
        Map<String, String> d = new LinkedHashMap<>();
        d.put(TEXT, plainText);
        return new MimeBundle(d, new LinkedHashMap<>());
    }

    /** Adds (or replaces) a text representation such as {@code text/html} or {@code image/svg+xml}. */
    public MimeBundle with(String mimeType, String content) {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, () -> "content for " + mimeType + " must not be null");
        Map<String, String> d = new LinkedHashMap<>(data);
        d.put(mimeType, content);
        return new MimeBundle(d, new LinkedHashMap<>(metadata));
    }

    public MimeBundle withHtml(String html) {
        return with(HTML, html);
    }

    public MimeBundle withSvg(String svg) {
        return with(SVG, svg);
    }

    /** Adds a PNG image; width and height go into the metadata so front ends can size it before decoding. */
    public MimeBundle withPng(byte[] png, int width, int height) {
        MimeBundle b = with(PNG, Base64.getEncoder().encodeToString(png));
        Map<String, Object> m = new LinkedHashMap<>(b.metadata);
        m.put(PNG, Map.of("width", width, "height", height));
        return new MimeBundle(new LinkedHashMap<>(b.data), m);
    }

    /** Adds a GIF image (animated or not), base64-encoded like a PNG, with its size in the metadata. */
    public MimeBundle withGif(byte[] gif, int width, int height) {
        MimeBundle b = with(GIF, Base64.getEncoder().encodeToString(gif));
        Map<String, Object> m = new LinkedHashMap<>(b.metadata);
        m.put(GIF, Map.of("width", width, "height", height));
        return new MimeBundle(new LinkedHashMap<>(b.data), m);
    }

    /** The representations, text/plain first; binary ones base64-encoded. */
    public Map<String, String> data() {
        return data;
    }

    /** Per-type metadata (e.g. {@code image/png -> {width, height}}), as Jupyter's display_data carries it. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    public String plainText() {
        return data.get(TEXT);
    }

    public boolean has(String mimeType) {
        return data.containsKey(mimeType);
    }

    public String get(String mimeType) {
        return data.get(mimeType);
    }

    /** The decoded PNG bytes, or an empty array when this bundle has no image. */
    public byte[] png() {
        String b64 = data.get(PNG);
        return b64 == null ? new byte[0] : Base64.getDecoder().decode(b64);
    }

    @Override
    public String toString() {
        return plainText();
    }
}
