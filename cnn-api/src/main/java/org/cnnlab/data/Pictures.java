package org.cnnlab.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Converts between one image's bytes ({@code C x H x W}) and a {@link BufferedImage}: greyscale for one
 * channel, RGB for three; for any other count, the first channel in grey.
 */
final class Pictures {
    private Pictures() {}

    static BufferedImage toImage(ImageShape shape, byte[] pixels, int offset) {
        int h = shape.height();
        int w = shape.width();
        int plane = shape.planeSize();
        if (shape.channels() != 3) {
            BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] target = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            System.arraycopy(pixels, offset, target, 0, plane);
            return gray;
        }
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int k = 0; k < plane; k++) {
            int r = pixels[offset + k] & 0xff;
            int g = pixels[offset + plane + k] & 0xff;
            int b = pixels[offset + 2 * plane + k] & 0xff;
            rgb.setRGB(k % w, k / w, (r << 16) | (g << 8) | b);
        }
        return rgb;
    }

    /**
     * Resizes {@code source} to {@code height x width} (stretching if the aspect ratio differs; transparent
     * parts become white) and writes its bytes in {@code mode} to {@code out} from {@code offset}.
     */
    static void fromImage(BufferedImage source, ColorMode mode, int height, int width, byte[] out, int offset) {
        BufferedImage rgb = resize(source, height, width);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                int k = offset + y * width + x;
                if (mode == ColorMode.GRAYSCALE) {
                    out[k] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                } else {
                    out[k] = (byte) r;
                    out[k + plane] = (byte) g;
                    out[k + 2 * plane] = (byte) b;
                }
            }
        }
    }

    /**
     * Bilinear resizing, halving in steps while the picture is more than twice the target: one big
     * bilinear step would skip most source pixels and alias (thin lines vanish, edges shimmer).
     */
    private static BufferedImage resize(BufferedImage source, int height, int width) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = Math.max(width, w / 2 >= width ? w / 2 : width);
            h = Math.max(height, h / 2 >= height ? h / 2 : height);
            current = draw(current, w, h);
        } while (w != width || h != height);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int w, int h) {
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
