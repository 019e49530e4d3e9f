package org.cnnlab.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Encodes pictures as PNG bytes. Stateless; pictures only paint, this turns them into files and bundles. */
public final class Png {
    private Png() {}

    public static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer is installed in this JVM (javax.imageio).");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a " + image.getWidth() + "x" + image.getHeight()
                    + " image as PNG", e);
        }
    }

    /** A bundle showing the image, with a text fallback that says what it is. */
    public static MimeBundle bundle(BufferedImage image, String description) {
        return MimeBundle.text(description).withPng(encode(image), image.getWidth(), image.getHeight());
    }
}
