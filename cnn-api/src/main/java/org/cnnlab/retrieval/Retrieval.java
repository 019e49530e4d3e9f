package org.cnnlab.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.cnnlab.Network;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.runtime.CnnLabRuntime;

/**
 * Finding images by what a network has learned to see (the lecture's "ConvNets are everywhere": image
 * retrieval). Every image is described by the numbers one layer makes for it, flattened into one long
 * vector, its <b>features</b>; two images are alike when their feature vectors point the same way, measured
 * by the <b>cosine similarity</b> {@code a . b / (|a| |b|)}: 1 for the same direction, 0 for nothing in
 * common. Early layers describe edges at places, so they find images that overlap pixel for pixel; late
 * layers describe what is there, so they find images of the same kind of thing even when the pixels differ.
 * {@link #pixels()} uses the pixels themselves, the baseline that learned features should beat.
 * <pre>{@code
 * var index = Retrieval.by(net, "dense2").index(data.test());   // features of every test image
 * index.nearest(0, 8)                                            // image 0 and its 8 nearest neighbours
 * index.precisionAt(10)                                          // share of neighbours of the same class
 * }</pre>
 */
public final class Retrieval {
    private static final int BATCH = 256;
    private final Network net;
    private final LayerInfo layer;

    private Retrieval(Network net, LayerInfo layer) {
        this.net = net;
        this.layer = layer;
    }

    /** Features from layer {@code layer} ({@code "conv2"}, {@code "dense1"}…) of a trained network. */
    public static Retrieval by(Network net, String layer) {
        return new Retrieval(net, net.spec().layer(layer));
    }

    /** The pixels themselves as features: the baseline. */
    public static Retrieval pixels() {
        CnnLabRuntime.init();
        return new Retrieval(null, null);
    }

    /** Computes the features of every image of {@code data} once, ready to be searched. */
    public FeatureIndex index(ImageDataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("index needs at least one image; " + data.name() + " is empty.");
        }
        return new FeatureIndex(this, data, features(data));
    }

    /** Where the features come from, in words: {@code LeNet's dense2 (84 numbers)} or {@code pixels}. */
    public String source() {
        return net == null ? "pixels" : layer.name() + " features (" + layer.output().size() + " numbers)";
    }

    /**
     * The features of every image of {@code data}, one row each, scaled to length 1: {@code [image][feature]}.
     * Images go through the network as training fed them ({@code data.batch}, with the dataset's
     * normalisation), and the network checks their shape.
     */
    float[][] features(ImageDataset data) {
        float[][] out = new float[data.size()][];
        int at = 0;
        try (NDManager m = net == null ? NDManager.newBaseManager() : net.djl().manager().newSubManager()) {
            for (int[] indices : data.batches(BATCH)) {
                try (NDManager batch = m.newSubManager()) {
                    NDList b = data.batch(batch, indices);
                    NDArray x = net == null ? b.get(0) : net.djl().activation(b.get(0), layer.name());
                    float[] flat = x.toFloatArray();
                    int d = flat.length / indices.length;
                    for (int k = 0; k < indices.length; k++) {
                        float[] row = new float[d];
                        System.arraycopy(flat, k * d, row, 0, d);
                        out[at++] = unit(row);
                    }
                }
            }
        }
        return out;
    }

    /** {@code v} scaled to length 1 (a vector of zeros stays zeros: it is similar to nothing). */
    static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return "Retrieval by " + source();
    }
}
