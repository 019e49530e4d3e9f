package org.cnnlab.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;

/**
 * One colour photograph as a network's input: read from a file, brought to a square size the way
 * torchvision's ImageNet networks expect (shorter side scaled, centre cropped), and turned into numbers
 * {@code [channel][row][column]}, either 0..1 or normalised with ImageNet's mean and standard deviation,
 * which is what networks trained on ImageNet (VGG-16, AlexNet from torchvision) were given.
 */
public final class Photo implements Displayable {
    /** ImageNet's per-channel mean and standard deviation (R, G, B), as torchvision's pretrained networks use them. */
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final BufferedImage image;
    private final String name;

    private Photo(BufferedImage image, String name) {
        this.image = image;
        this.name = name;
    }

    /** Reads a PNG, JPEG, GIF or BMP file. */
    public static Photo read(Path file) {
        try {
            BufferedImage img = Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
            if (img == null) {
                throw new IllegalArgumentException((Files.isRegularFile(file) ? "Cannot read " + file + " as an image: "
                        + "it is not a PNG, JPEG, GIF or BMP file." : "There is no file " + file.toAbsolutePath() + ".")
                        + "\nHow to fix it: pass the path of a photograph, or use Photo.chelsea().");
            }
            return new Photo(img, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Chelsea the cat, 224 x 224 (photograph by Stefan van der Walt, CC0, from scikit-image's sample data as
     * Debian's python3-skimage ships it): packed into cnn-api, so it needs no download.
     */
    public static Photo chelsea() {
        try (InputStream in = Photo.class.getResourceAsStream("photos/chelsea.png")) {
            return new Photo(ImageIO.read(in), "Chelsea the cat (Stefan van der Walt, CC0)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int height() {
        return image.getHeight();
    }

    public int width() {
        return image.getWidth();
    }

    /** The shorter side scaled to {@code size}, then the centre {@code size x size} cut out. */
    public Photo square(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("square(size) takes a positive size. Received: " + size + ".");
        }
        double scale = (double) size / Math.min(height(), width());
        int w = Math.max(size, (int) Math.round(width() * scale));
        int h = Math.max(size, (int) Math.round(height() * scale));
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, -(w - size) / 2, -(h - size) / 2, w, h, null);
        g.dispose();
        return new Photo(out, name);
    }

    /** Red, green and blue, each 0..1: {@code [channel][row][column]}. */
    public float[][][] pixels() {
        float[][][] out = new float[3][height()][width()];
        for (int y = 0; y < height(); y++) {
            for (int x = 0; x < width(); x++) {
                int rgb = image.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    out[c][y][x] = ((rgb >> (16 - 8 * c)) & 0xff) / 255f;
                }
            }
        }
        return out;
    }

    /** {@link #pixels()} with ImageNet's mean subtracted and divided by its standard deviation, per channel. */
    public float[][][] imageNetNormalized() {
        float[][][] p = pixels();
        for (int c = 0; c < 3; c++) {
            for (float[] row : p[c]) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = (row[x] - MEAN[c]) / STD[c];
                }
            }
        }
        return p;
    }

    @Override
    public MimeBundle toMimeBundle() {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return MimeBundle.text(toString()).withPng(png.toByteArray(), width(), height());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Photo " + name + ", " + width() + " x " + height();
    }
}
