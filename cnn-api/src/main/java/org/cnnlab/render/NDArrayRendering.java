package org.cnnlab.render;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;

/**
 * A DJL array as a picture where it looks like one (H x W, or C x H x W with 1 or 3 channels), always with
 * a compact text form: shape, type, and the values for a small array or their range for a large one.
 */
final class NDArrayRendering {
    private static final int SMALL = 64;

    private NDArrayRendering() {}

    static MimeBundle bundle(NDArray array) {
        MimeBundle text = MimeBundle.text(describe(array));
        BufferedImage image = asImage(array);
        return image == null ? text : text.withPng(Png.encode(image), image.getWidth(), image.getHeight());
    }

    static String describe(NDArray array) {
        Shape shape = array.getShape();
        String head = "NDArray " + shape + " " + array.getDataType() + " on " + array.getDevice();
        if (shape.size() == 0) {
            return head + " (empty)";
        }
        if (shape.size() <= SMALL) {
            return head + "\n" + array.toDebugString(SMALL, SMALL, SMALL, SMALL, true);
        }
        NDArray f = array.toType(DataType.FLOAT32, false);
        return head + String.format("  min %.4g  max %.4g  mean %.4g", f.min().getFloat(), f.max().getFloat(),
                f.mean().getFloat());
    }

    /** The array as a grey or colour image scaled to 0..255 by its own range, or null if it is not image-like. */
    static BufferedImage asImage(NDArray array) {
        Shape s = array.getShape();
        int channels;
        if (s.dimension() == 2) {
            channels = 1;
        } else if (s.dimension() == 3 && (s.get(0) == 1 || s.get(0) == 3)) {
            channels = (int) s.get(0);
        } else {
            return null;
        }
        int h = (int) s.get(s.dimension() - 2);
        int w = (int) s.get(s.dimension() - 1);
        if (h < 2 || w < 2 || array.getDataType() == DataType.BOOLEAN || array.getDataType() == DataType.STRING) {
            return null;
        }
        float[] v = array.toType(DataType.FLOAT32, false).toFloatArray();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        float range = max > min ? max - min : 1f;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int r = level(v[p], min, range);
                int g = channels == 3 ? level(v[h * w + p], min, range) : r;
                int b = channels == 3 ? level(v[2 * h * w + p], min, range) : r;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return PixelScale.enlarge(img);
    }

    private static int level(float value, float min, float range) {
        return Math.round((value - min) / range * 255f);
    }
}
