package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import org.cnnlab.Network;
import org.cnnlab.data.ImageDataset;

/** Runs a network over a dataset in inference mode and collects what {@link Evaluation} and {@link Prediction} need. */
final class Evaluator {
    private static final int BATCH = 256;

    private Evaluator() {}

    static Evaluation evaluate(Network net, ImageDataset data) {
        Compatibility.check(net, data, "evaluation");
        int n = data.size();
        int[] labels = new int[n];
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        double lossSum = 0;
        SoftmaxCrossEntropyLoss loss = new SoftmaxCrossEntropyLoss("loss");
        int at = 0;
        for (int[] indices : data.batches(BATCH)) {
            try (NDManager m = net.manager().newSubManager()) {
                NDList batch = data.batch(m, indices);
                NDArray scores = net.forward(batch.get(0));
                NDArray probabilities = scores.softmax(1);
                long[] best = probabilities.argMax(1).toLongArray();
                float[] top = probabilities.max(new int[] {1}).toFloatArray();
                lossSum += loss.evaluate(new NDList(batch.get(1)), new NDList(scores)).getFloat() * indices.length;
                for (int k = 0; k < indices.length; k++) {
                    labels[at] = data.label(indices[k]);
                    predicted[at] = (int) best[k];
                    confidence[at] = top[k];
                    at++;
                }
            }
        }
        return new Evaluation(data, labels, predicted, confidence, lossSum / n);
    }

    static Prediction predict(Network net, float[][][] image, java.util.List<String> classNames) {
        try (NDManager m = net.manager().newSubManager()) {
            int c = image.length;
            int h = image[0].length;
            int w = image[0][0].length;
            float[] flat = new float[c * h * w];
            int k = 0;
            for (float[][] plane : image) {
                for (float[] line : plane) {
                    System.arraycopy(line, 0, flat, k, line.length);
                    k += line.length;
                }
            }
            NDArray x = m.create(flat, new ai.djl.ndarray.types.Shape(1, c, h, w));
            return new Prediction(net.forward(x).softmax(1).toFloatArray(), classNames);
        }
    }
}
