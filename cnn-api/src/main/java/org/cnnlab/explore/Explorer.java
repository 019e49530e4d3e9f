package org.cnnlab.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;

/**
 * A finished interactive explorer. In a notebook it shows as live HTML (hover, click, step); a viewer that
 * runs no scripts (GitHub, nbviewer, an untrusted notebook) shows the static picture carried with it, both
 * inside the HTML and as a PNG; a terminal prints its text.
 */
public final class Explorer implements Displayable {
    private final String text;
    private final String html;
    private final byte[] png;
    private final int width;
    private final int height;

    Explorer(String text, String html, byte[] png, int width, int height) {
        this.text = text;
        this.html = html;
        this.png = png.clone();
        this.width = width;
        this.height = height;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(text).withPng(png, width, height).withHtml(html);
    }

    /** The self-contained HTML fragment, numbers and script included, exactly as a notebook shows it. */
    public String html() {
        return html;
    }

    /** Writes the explorer as a complete web page that opens in any browser, offline; returns the file. */
    public Path save(Path file) {
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + text.lines().findFirst().orElse("")
                .replace("<", "&lt;") + "</title></head>\n<body>\n" + html + "\n</body></html>\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the explorer to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
