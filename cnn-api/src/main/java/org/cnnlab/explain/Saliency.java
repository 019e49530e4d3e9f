package org.cnnlab.explain;

import java.util.List;
import org.cnnlab.Network;

/**
 * A saliency map (Simonyan, Vedaldi and Zisserman, 2014, https://arxiv.org/abs/1312.6034): for one image,
 * the gradient of one class's score with respect to every input pixel. A pixel with a large gradient is
 * one where a small change of brightness would change the score the most: the pixels the answer is most
 * sensitive to. Per pixel the heat is the largest magnitude of the gradient over the colour channels,
 * {@code max_c |d score / d x_c,y,x|}, scaled so the hottest pixel is 1.
 *
 * <p>Sharp, pixel-exact and noisy: it shows edges and single pixels more than regions. {@link GradCam}
 * gives the coarser "where", at the resolution of a conv layer.
 * <pre>{@code
 * Saliency.of(net, data.test().image(0)).labels(data.classNames())        // the predicted class
 * Saliency.of(net, data.test().image(0), 7)                               // the score of class 7
 * }</pre>
 */
public final class Saliency {
    private Saliency() {}

    /** The saliency of the class the network predicts for {@code image} {@code [channel][row][column]}. */
    public static Heatmap of(Network net, float[][][] image) {
        return compute(net, image, -1);
    }

    /** The saliency of the score of class {@code targetClass} (an index into the class names). */
    public static Heatmap of(Network net, float[][][] image, int targetClass) {
        return compute(net, image, GradCam.checkedClass(targetClass));
    }

    private static Heatmap compute(Network net, float[][][] image, int target) {
        Backprop.Result r = Backprop.run(net, image, null, target);
        float[][][] g = r.gradient();
        float[][] heat = new float[g[0].length][g[0][0].length];
        for (float[][] channel : g) {
            for (int y = 0; y < heat.length; y++) {
                for (int x = 0; x < heat[0].length; x++) {
                    heat[y][x] = Math.max(heat[y][x], Math.abs(channel[y][x]));
                }
            }
        }
        return new Heatmap("Saliency", r.input(), Heatmap.normalized(heat), r.scores(), r.target(), List.of());
    }
}
