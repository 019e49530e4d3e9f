package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import org.cnnlab.Network;
import org.cnnlab.data.ImageDataset;

/**
 * One DJL {@link Trainer} bound to a network and an optimizer choice: the part of training that touches
 * PyTorch. Kept in the network's {@link History} between runs, so a continued fit with the same optimizer
 * keeps its moving averages; a different choice gets a fresh trainer.
 *
 * <p>Each batch is one pass of: build the batch in a sub-manager, forward with gradients recorded, loss,
 * backward, optimizer step, then one read of two numbers (the loss and the count of correct answers,
 * computed on the device). Closing the sub-manager frees every array the batch made; nothing else crosses
 * from the device to Java.
 */
final class Session {
    private final Network net;
    private final OptimizerChoice optimizer;
    private final Trainer trainer;
    private final Loss loss = new SoftmaxCrossEntropyLoss("loss");
    /** The fast path (flat parameters, resident data); null where it is not possible: DJL's trainer then. */
    private final FlatTraining flat;

    private Session(Network net, OptimizerChoice optimizer) {
        this.net = net;
        this.optimizer = optimizer;
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(optimizer.toDjl())
                .optDevices(new ai.djl.Device[] {net.device().djl()});
        this.trainer = net.model().newTrainer(config);
        this.flat = FlatTraining.start(net.block(), trainer.getManager(), optimizer, loss);
    }

    /** The history's session when it trains this network with {@code choice}, else a new one (closing the old). */
    static Session forRun(Network net, History history, OptimizerChoice choice) {
        Session s = history.session;
        if (s != null && s.net == net && s.optimizer.equals(choice) && (s.flat == null || s.flat.attached())) {
            return s;
        }
        if (s != null) {
            s.close();
        }
        history.session = new Session(net, choice);
        return history.session;
    }

    /** The batches the next epoch will ask for, in order, so that they can be prepared ahead. */
    void plan(ImageDataset data, java.util.List<int[]> order) {
        if (flat != null) {
            flat.plan(data, order);
        }
    }

    /** Trains on one batch; returns {loss, correct}. */
    float[] trainBatch(ImageDataset data, int[] indices) {
        if (flat != null) {
            try (NDManager m = flat.batchManager()) {
                NDArray[] scoresAndLoss = flat.step(m, data, indices, () -> false);
                return lossAndCorrect(scoresAndLoss[1], scoresAndLoss[0], data, indices);
            }
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDList batch = data.batch(m, indices);
            NDArray labels = batch.get(1);
            NDArray scores;
            NDArray value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                scores = trainer.forward(new NDList(batch.get(0))).singletonOrThrow();
                value = loss.evaluate(new NDList(labels), new NDList(scores));
                collector.backward(value);
            }
            trainer.step();
            return lossAndCorrect(value, scores, data, indices);
        }
    }

    private void close() {
        if (flat != null) {
            flat.close();
        }
        trainer.close();
    }

    /** Mean loss and accuracy over {@code data} in inference mode, or null when interrupted on the way. */
    double[] measure(ImageDataset data, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        for (int[] indices : data.batches(batchSize)) {
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList batch = data.batch(m, indices);
                NDArray scores = net.forward(batch.get(0));
                float[] lc = lossAndCorrect(loss.evaluate(new NDList(batch.get(1)), new NDList(scores)), scores,
                        data, indices);
                lossSum += (double) lc[0] * indices.length;
                correct += (long) lc[1];
            }
        }
        return new double[] {lossSum / data.size(), (double) correct / data.size()};
    }

    /**
     * The batch's loss and how many answers were right. Two reads and no extra device operations: the
     * scores (batch x classes, a few KB) come back once and the argmax is done here against the labels the
     * dataset already holds in Java. Measured faster than argmax/eq/sum/stack on the device, each of which
     * is a separate native call per batch.
     */
    private static float[] lossAndCorrect(NDArray loss, NDArray scores, ImageDataset data, int[] indices) {
        float[] s = scores.toFloatArray();
        int classes = s.length / indices.length;
        int correct = 0;
        for (int k = 0; k < indices.length; k++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (s[k * classes + c] > s[k * classes + best]) {
                    best = c;
                }
            }
            correct += best == data.label(indices[k]) ? 1 : 0;
        }
        return new float[] {loss.getFloat(), correct};
    }
}
