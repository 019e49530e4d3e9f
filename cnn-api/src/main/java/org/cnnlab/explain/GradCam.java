package org.cnnlab.explain;

import java.util.List;
import java.util.stream.Collectors;
import org.cnnlab.Network;
import org.cnnlab.model.FlattenLayer;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;

/**
 * Grad-CAM, gradient-weighted class activation mapping (Selvaraju et al., 2017,
 * https://arxiv.org/abs/1610.02391): where in the image the evidence for one class was found, as seen by a
 * chosen conv layer. That layer makes {@code K} feature maps {@code A_k}; the gradient of the class score
 * {@code y} with respect to them, averaged over each map, says how much map {@code k} matters for the class:
 * <pre>
 *   alpha_k = mean over (i, j) of dy / dA_k[i][j]
 *   heat    = ReLU( sum_k alpha_k * A_k )
 * </pre>
 * The ReLU keeps only what speaks <i>for</i> the class. The map has the layer's resolution (7x7 after two
 * poolings of a 28x28 image); it is enlarged to the image by bilinear interpolation and scaled so its
 * hottest pixel is 1. Deeper layers see larger, more meaningful parts but place them more coarsely: the
 * last conv layer (or the pooling or activation right after it) is the usual choice.
 * <pre>{@code
 * GradCam.of(net, data.test().image(0), "conv2").labels(data.classNames())
 * }</pre>
 */
public final class GradCam {
    private GradCam() {}

    /** Grad-CAM at {@code layer} ({@code "conv2"}) for the class the network predicts for {@code image}. */
    public static Heatmap of(Network net, float[][][] image, String layer) {
        return compute(net, image, layer, -1);
    }

    /** Grad-CAM at {@code layer} for the score of class {@code targetClass} (an index into the class names). */
    public static Heatmap of(Network net, float[][][] image, String layer, int targetClass) {
        return compute(net, image, layer, checkedClass(targetClass));
    }

    private static Heatmap compute(Network net, float[][][] image, String layer, int target) {
        LayerInfo info = spatial(net.spec(), layer);
        Backprop.Result r = Backprop.run(net, image, info, target);
        float[][][] a = r.values();
        float[][][] g = r.gradient();
        float[][] cam = new float[a[0].length][a[0][0].length];
        for (int k = 0; k < a.length; k++) {
            double alpha = mean(g[k]);
            for (int y = 0; y < cam.length; y++) {
                for (int x = 0; x < cam[0].length; x++) {
                    cam[y][x] += (float) (alpha * a[k][y][x]);
                }
            }
        }
        for (float[] row : cam) {
            for (int x = 0; x < row.length; x++) {
                row[x] = Math.max(0, row[x]);
            }
        }
        float[][] heat = Heatmap.normalized(resize(cam, image[0].length, image[0][0].length));
        return new Heatmap("Grad-CAM at " + info.name(), r.input(), heat, r.scores(), r.target(), List.of());
    }

    /** The layer called {@code name}, if its output still has rows and columns (it comes before flatten). */
    static LayerInfo spatial(ModelSpec spec, String name) {
        LayerInfo info = spec.layer(name);
        boolean flattened = spec.infos().stream()
                .anyMatch(i -> i.index() <= info.index() && i.layer() instanceof FlattenLayer);
        if (flattened || info.output().flat()) {
            String choices = spec.infos().stream().takeWhile(i -> !(i.layer() instanceof FlattenLayer))
                    .map(LayerInfo::name).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("Grad-CAM needs a layer whose output is still a stack of maps with "
                    + "rows and columns; " + name + " (layer " + info.index() + ") makes " + info.output()
                    + ". Received: layer=\"" + name + "\".\nHow to fix it: choose one of " + choices
                    + " (usually the last conv layer).");
        }
        return info;
    }

    static int checkedClass(int targetClass) {
        if (targetClass < 0) {
            throw new IllegalArgumentException("The class to explain is a class index, 0 or more. Received: "
                    + targetClass + ".\nHow to fix it: pass data.classNames().indexOf(\"Sneaker\"), or leave the "
                    + "class out to explain the predicted one.");
        }
        return targetClass;
    }

    private static double mean(float[][] map) {
        double sum = 0;
        for (float[] row : map) {
            for (float v : row) {
                sum += v;
            }
        }
        return sum / (map.length * map[0].length);
    }

    /**
     * Bilinear enlargement of {@code map} to {@code height x width}, pixel centres aligned: output pixel
     * {@code (y, x)} reads the map at {@code ((y + 0.5) * h / height - 0.5, ...)}, clamped at the edges.
     */
    static float[][] resize(float[][] map, int height, int width) {
        int h = map.length;
        int w = map[0].length;
        float[][] out = new float[height][width];
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / height - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / width - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double top = map[y0][x0] * (1 - fx) + map[y0][x1] * fx;
                double bottom = map[y1][x0] * (1 - fx) + map[y1][x1] * fx;
                out[y][x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
