package org.cnnlab.pictures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.render.Png;

/**
 * Something cnn-api paints: shown under a notebook cell as PNG (and SVG where it has one), described in
 * words for a terminal, and saved to a file. The same numbers always give the same picture, byte for byte.
 */
public abstract class Picture implements Displayable {

    /** The picture as pixels. */
    public abstract BufferedImage image();

    /** What the picture shows, in words: its {@code text/plain} form. */
    public abstract String describe();

    /** The picture as SVG, or null when it is only pixels. */
    public String svg() {
        return null;
    }

    /** The PNG file's bytes. */
    public byte[] png() {
        return Png.encode(image());
    }

    @Override
    public MimeBundle toMimeBundle() {
        BufferedImage image = image();
        MimeBundle bundle = MimeBundle.text(describe()).withPng(Png.encode(image), image.getWidth(), image.getHeight());
        String svg = svg();
        return svg == null ? bundle : bundle.withSvg(svg);
    }

    /**
     * Writes the picture to {@code file}, as its extension says: {@code .png}, {@code .svg} (where the picture
     * has one) or {@code .txt}. Creates missing folders. Returns the file.
     */
    public Path save(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        byte[] bytes;
        if (name.endsWith(".png")) {
            bytes = png();
        } else if (name.endsWith(".txt")) {
            bytes = describe().getBytes(StandardCharsets.UTF_8);
        } else if (name.endsWith(".svg") && svg() != null) {
            bytes = svg().getBytes(StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException("save writes .png" + (svg() != null ? ", .svg" : "")
                    + " or .txt files. Received: " + file + (name.endsWith(".svg")
                            ? " (this picture is pixels only: save it as .png)" : "") + ".");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the picture to " + file, e);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
