package org.cnnlab.pictures;

import java.awt.image.BufferedImage;

/**
 * Small arrays as images at one pixel per number, for tiles whose colours follow their own scale. Public for
 * pictures drawn in other packages (Grad-CAM's overlay) that start from an input image.
 */
public final class Swatch {
    private Swatch() {}

    /** Numbers through a colour map, {@code low} to {@code high}. */
    static BufferedImage of(float[][] v, ColorMap colors, double low, double high) {
        BufferedImage img = new BufferedImage(v[0].length, v.length, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < v.length; y++) {
            for (int x = 0; x < v[0].length; x++) {
                img.setRGB(x, y, colors.rgb((v[y][x] - low) / (high - low)));
            }
        }
        return img;
    }

    /** Three channels as red, green and blue, {@code low} to {@code high}. */
    static BufferedImage rgb(float[][][] v, double low, double high) {
        BufferedImage img = new BufferedImage(v[0][0].length, v[0].length, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < v[0].length; y++) {
            for (int x = 0; x < v[0][0].length; x++) {
                img.setRGB(x, y, level(v[0][y][x], low, high) << 16 | level(v[1][y][x], low, high) << 8
                        | level(v[2][y][x], low, high));
            }
        }
        return img;
    }

    /** An input image: grey or colour, 0..1 as black..white when it lies in 0..1, else its own range. */
    public static BufferedImage image(float[][][] chw) {
        double[] span = span(chw);
        double lo = span[0] >= 0 && span[1] <= 1 ? 0 : span[0];
        double hi = span[0] >= 0 && span[1] <= 1 ? 1 : span[1] > span[0] ? span[1] : span[0] + 1;
        return chw.length == 3 ? rgb(chw, lo, hi) : of(chw[0], ColorMap.GREY, lo, hi);
    }

    /** A filter {@code [channel][row][column]} in its own symmetric scale: one channel blue-white-red, three as colour. */
    static BufferedImage filter(float[][][] w) {
        double[] span = span(w);
        double m = Math.max(Math.abs(span[0]), Math.abs(span[1]));
        m = m > 0 ? m : 1;
        return w.length == 3 ? rgb(w, -m, m) : of(w[0], ColorMap.DIVERGING, -m, m);
    }

    static double[] span(float[][][] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[][] c : v) {
            for (float[] row : c) {
                for (float x : row) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        return new double[] {lo, hi};
    }

    private static int level(float v, double lo, double hi) {
        return (int) Math.round(Math.max(0, Math.min(1, (v - lo) / (hi - lo))) * 255);
    }
}
