package org.cnnlab.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts an explorer together as one piece of HTML: a root element with its own id, the static picture inside
 * it (what a viewer that runs no scripts keeps showing), the style, the numbers as JSON, and the script that
 * replaces the picture with the live view. The style and scripts are resources of this package, written by
 * hand, with no library and nothing fetched: the page works offline, in a notebook and in exported HTML.
 */
final class Page {
    private static final Map<String, String> RESOURCES = new ConcurrentHashMap<>();

    private Page() {}

    /**
     * @param script   the resource that draws this kind of explorer ({@code slide.js}, {@code network.js});
     *                 it defines a function {@code cnnlabExplore(root, data)}
     * @param data     the embedded numbers, as JSON
     * @param fallback HTML shown until the script runs, and for good where scripts do not run
     */
    static String html(String script, String data, String fallback) {
        // A fresh id per output: several explorers in one notebook, or the same cell run twice, never clash.
        String id = "cnnlab-x-" + UUID.randomUUID().toString().substring(0, 13);
        return "<div id=\"" + id + "\" class=\"cnnlab-x\">\n"
                + "<style>" + resource("explore.css") + "</style>\n"
                + "<div class=\"cx-fallback\">" + fallback + "</div>\n"
                + "<script>(function () {\n" + resource(script) + "\n"
                + "var root = document.getElementById(\"" + id + "\");\n"
                + "if (root && !root.dataset.ready) { root.dataset.ready = \"1\"; cnnlabExplore(root, " + data + "); }\n"
                + "})();</script>\n</div>";
    }

    static String resource(String name) {
        return RESOURCES.computeIfAbsent(name, n -> {
            try (InputStream in = Page.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("The explorer resource " + n + " is missing from cnn-api's jar: "
                            + "rebuild cnn-api (mvn install).");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
