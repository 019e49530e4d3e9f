package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.util.function.BooleanSupplier;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.engine.DjlNetwork;

/**
 * One DJL {@link Trainer} bound to a network and an optimizer choice: the part of training that touches
 * PyTorch. Kept by the network's {@link Trainable} between runs (never in a result such as the
 * {@link History}), so a continued fit with the same optimizer keeps its moving averages; a different
 * choice gets a fresh trainer.
 *
 * <p>Each batch is one pass of: build the batch in a sub-manager, forward with gradients recorded, loss,
 * backward, optimizer step, then one read of two numbers (the loss and the scores, from which
 * {@link Scores} counts the right answers). Closing the sub-manager frees every array the batch made.
 */
final class Session implements AutoCloseable {
    private final DjlNetwork net;
    private final OptimizerChoice optimizer;
    private final Trainer trainer;
    private final Loss loss = new SoftmaxCrossEntropyLoss("loss");
    /** The fast path (flat parameters, resident data); null where it is not possible: DJL's trainer then. */
    private final FlatTraining flat;

    /** A session continuing from {@code remembered} where it fits the choice (null: a fresh optimizer). */
    Session(DjlNetwork net, OptimizerChoice optimizer, OptimizerMemory remembered) {
        this.net = net;
        this.optimizer = optimizer;
        net.makeTrainable();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(optimizer.toDjl())
                .optDevices(new ai.djl.Device[] {net.device()});
        this.trainer = net.model().newTrainer(config);
        this.flat = FlatTraining.start(net.block(), trainer.getManager(), optimizer, loss, remembered);
    }

    /**
     * What the optimizer remembers, for saving with the model; null on DJL's own trainer (whose state cnnlab
     * cannot read), and once the network's weights were replaced (the memory belongs to the old ones).
     */
    OptimizerMemory memory() {
        return flat != null && flat.attached() ? flat.memory() : null;
    }

    /** True when this session trains with {@code choice}, so its optimizer state can be kept. */
    boolean uses(OptimizerChoice choice) {
        return optimizer.equals(choice) && (flat == null || flat.attached());
    }

    /**
     * Trains on one batch; returns {loss, correct}, or null when {@code abandoned} turned true before the
     * weights were touched (a forced stop): then the batch changed nothing. Anyone changing this method
     * (batch staging, the optimizer step) keeps that promise: check {@code abandoned} before the first write
     * to a weight, never after.
     */
    float[] trainBatch(ImageDataset data, int[] indices, BooleanSupplier abandoned) {
        if (flat != null) {
            try (NDManager m = flat.batchManager()) {
                NDArray[] scoresAndLoss = flat.step(m, data, indices, abandoned);
                return scoresAndLoss == null ? null : lossAndCorrect(scoresAndLoss[0], scoresAndLoss[1], data, indices);
            }
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDList batch = data.batch(m, indices);
            NDArray scores;
            NDArray value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                scores = trainer.forward(new NDList(batch.get(0))).singletonOrThrow();
                if (abandoned.getAsBoolean()) {
                    return null;
                }
                value = loss.evaluate(new NDList(batch.get(1)), new NDList(scores));
                collector.backward(value);
            }
            if (abandoned.getAsBoolean()) {
                net.clearGradients(); // the step would have consumed them; left, they would add to the next batch's
                return null;
            }
            trainer.step();
            return lossAndCorrect(scores, value, data, indices);
        }
    }

    /** The batches the next epoch will ask for, in order, so that they can be prepared ahead. */
    void plan(ImageDataset data, java.util.List<int[]> order) {
        if (flat != null) {
            flat.plan(data, order);
        }
    }

    /**
     * Loss and accuracy on {@code data} after an epoch, or null when the thread is interrupted on the way. Its
     * batches come from the feeds training uses: a validation set that fits on the device is uploaded once
     * for the whole session, not once per epoch.
     */
    Evaluation validate(ImageDataset data, int batchSize) {
        return flat != null ? Evaluator.measure(net, data, batchSize, true, flat.feed(data))
                : Evaluator.measure(net, data, batchSize, true);
    }

    /** {loss, correct} from one read of the scores and one of the loss. */
    private static float[] lossAndCorrect(NDArray scores, NDArray value, ImageDataset data, int[] indices) {
        Scores s = new Scores(scores.toFloatArray(), indices.length);
        int correct = 0;
        for (int k = 0; k < indices.length; k++) {
            correct += s.predicted(k) == data.label(indices[k]) ? 1 : 0;
        }
        return new float[] {value.getFloat(), correct};
    }

    @Override
    public void close() {
        if (flat != null) {
            flat.close();
        }
        trainer.close();
    }
}
