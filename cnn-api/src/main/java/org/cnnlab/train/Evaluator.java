package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.engine.DjlNetwork;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.memory.MemoryCheck;

/**
 * The one loop that measures a network on a dataset in inference mode: {@code evaluate} and the validation
 * after each training epoch both run it, so their loss and accuracy are the same numbers.
 */
final class Evaluator {
    static final int BATCH = 256;

    private Evaluator() {}

    static Evaluation evaluate(DjlNetwork net, ImageDataset data) {
        Compatibility.check(net, data, "evaluation");
        return measure(net, data, BATCH, false);
    }

    /**
     * {@link #measure(DjlNetwork, ImageDataset, int, boolean, BatchFeed) measure} with a feed of its own, closed
     * (its device memory freed) at the end.
     */
    static Evaluation measure(DjlNetwork net, ImageDataset data, int batchSize, boolean stoppable) {
        try (BatchFeed feed = BatchFeed.of(data, net.manager())) {
            return measure(net, data, batchSize, stoppable, feed);
        }
    }

    /**
     * Every image of {@code data} through {@code net}, in batches of up to {@code batchSize} (fewer when
     * their activations would not fit in memory) taken from {@code feed}, as training takes its own (the
     * dataset resident on the device when it fits); null when {@code stoppable} and the thread is interrupted
     * on the way.
     */
    static Evaluation measure(DjlNetwork net, ImageDataset data, int batchSize, boolean stoppable, BatchFeed feed) {
        batchSize = MemoryCheck.imagesThatFit(net.spec(), net.device(), batchSize);
        int n = data.size();
        int[] labels = new int[n];
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        double lossSum = 0;
        int at = 0;
        List<int[]> order = data.batches(batchSize);
        feed.plan(order);
        for (int[] indices : order) {
            if (stoppable && Thread.currentThread().isInterrupted()) {
                return null;
            }
            try (NDManager m = net.manager().newSubManager()) {
                NDList batch = feed.batch(m, indices);
                Scores scores = new Scores(net.forward(batch.get(0)).toFloatArray(), indices.length);
                for (int k = 0; k < indices.length; k++) {
                    labels[at] = data.label(indices[k]);
                    predicted[at] = scores.predicted(k);
                    confidence[at] = scores.confidence(k);
                    lossSum += scores.loss(k, labels[at]);
                    at++;
                }
            }
        }
        return new Evaluation(data, labels, predicted, confidence, lossSum / n);
    }

    static Prediction predict(DjlNetwork net, float[][][] image, List<String> classNames) {
        Volume in = net.spec().input();
        float[] flat = flatten(image, in);
        try (NDManager m = net.manager().newSubManager()) {
            // The image's own height and width: a network of convolutions takes other sizes (forward explains
            // where a layer does not).
            NDArray x = m.create(flat, new Shape(1, in.channels(), image[0].length, image[0][0].length));
            return new Prediction(net.forward(x).softmax(1).toFloatArray(), classNames);
        }
    }

    /** The image's numbers in (C, H, W) order, after checking that it is a full, rectangular image with the network's channels. */
    private static float[] flatten(float[][][] image, Volume in) {
        String expected = "; this network takes one image of " + in + " (channels x height x width) as "
                + "float[" + in.channels() + "][" + in.height() + "][" + in.width() + "].\nHow to fix it: pass an "
                + "image from a dataset of that shape, e.g. data.test().image(0).";
        if (image == null || image.length == 0) {
            throw new GeometryException("predict received " + (image == null ? "null" : "an image with no channels "
                    + "(float[0][][])") + expected);
        }
        if (image.length != in.channels()) {
            throw new GeometryException("predict received an image with " + image.length + " channels" + expected);
        }
        int height = image[0] == null || image[0].length == 0 ? 0 : image[0].length;
        int width = height == 0 || image[0][0] == null ? 0 : image[0][0].length;
        float[] flat = new float[in.channels() * height * width];
        int k = 0;
        for (int c = 0; c < image.length; c++) {
            if (image[c] == null || image[c].length != height || height == 0) {
                throw new GeometryException("predict received an image whose channel " + c + " has "
                        + (image[c] == null ? "no rows (null)" : image[c].length + " rows") + expected);
            }
            for (int r = 0; r < image[c].length; r++) {
                float[] row = image[c][r];
                if (row == null || row.length != width || width == 0) {
                    throw new GeometryException("predict received a ragged image: channel " + c + ", row " + r
                            + " has " + (row == null ? "no values (null)" : row.length + " values") + " where every "
                            + "row needs " + width + expected);
                }
                System.arraycopy(row, 0, flat, k, row.length);
                k += row.length;
            }
        }
        return flat;
    }
}
