package org.cnnlab.explain;

import java.awt.image.BufferedImage;
import org.cnnlab.pictures.ColorMap;

/**
 * Paints an image and a heat map over it, one pixel per image pixel (the tile grid enlarges them). The
 * heat colour covers a pixel in proportion to its heat, up to {@link #MAX_COVER}: cold pixels show the
 * image untouched, hot ones mostly the colour, and the image's shapes stay readable underneath.
 */
final class Overlay {
    static final double MAX_COVER = 0.7;

    private Overlay() {}

    /**
     * The image itself: grey for one channel, red-green-blue for three. Values are read as 0..1 (as datasets
     * give them); an image outside that range (standardised) is stretched from its smallest to largest value.
     */
    static BufferedImage base(float[][][] image) {
        int h = image[0].length;
        int w = image[0][0].length;
        double[] span = span(image);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = level(image[0][y][x], span);
                int g = image.length == 3 ? level(image[1][y][x], span) : r;
                int b = image.length == 3 ? level(image[2][y][x], span) : r;
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    /** The image with {@code heat} (0..1, same height and width) coloured by {@code colors} over it. */
    static BufferedImage over(float[][][] image, float[][] heat, ColorMap colors) {
        BufferedImage out = base(image);
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

    private static double[] span(float[][][] image) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[][] plane : image) {
            for (float[] row : plane) {
                for (float v : row) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo >= 0 && hi <= 1 ? new double[] {0, 1} : new double[] {lo, hi > lo ? hi : lo + 1};
    }

    private static int level(float v, double[] span) {
        return (int) Math.round(Math.max(0, Math.min(1, (v - span[0]) / (span[1] - span[0]))) * 255);
    }
}
