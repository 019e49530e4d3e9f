package org.cnnlab.explain;

import java.awt.image.BufferedImage;
import org.cnnlab.pictures.ColorMap;
import org.cnnlab.pictures.Swatch;

/**
 * Paints a heat map over an image, one pixel per image pixel (the tile grid enlarges them). The
 * heat colour covers a pixel in proportion to its heat, up to {@link #MAX_COVER}: cold pixels show the
 * image untouched, hot ones mostly the colour, and the image's shapes stay readable underneath.
 */
final class Overlay {
    static final double MAX_COVER = 0.7;

    private Overlay() {}

    /** The image with {@code heat} (0..1, same height and width) coloured by {@code colors} over it. */
    static BufferedImage over(float[][][] image, float[][] heat, ColorMap colors) {
        BufferedImage out = Swatch.image(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                double t = Math.max(0, Math.min(1, heat[y][x]));
                out.setRGB(x, y, mix(out.getRGB(x, y), colors.rgb(t), MAX_COVER * t));
            }
        }
        return out;
    }

    private static int mix(int under, int over, double cover) {
        int r = channel(under >> 16, over >> 16, cover);
        int g = channel(under >> 8, over >> 8, cover);
        int b = channel(under, over, cover);
        return r << 16 | g << 8 | b;
    }

    private static int channel(int under, int over, double cover) {
        return (int) Math.round((under & 0xff) * (1 - cover) + (over & 0xff) * cover);
    }
}
