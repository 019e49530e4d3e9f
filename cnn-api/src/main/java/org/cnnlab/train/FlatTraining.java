package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.cnnlab.data.ImageDataset;

/**
 * The fast training step a {@link Session} runs: batches from a {@link BatchFeed} (the dataset resident on
 * the device when it fits), forward and backward through {@link FlatParameters}' views, and one
 * {@link FlatOptimizer} call for every weight. The number of engine calls per step does not grow with the
 * number of layers (apart from one shape-only reshape per parameter array, which moves no data).
 *
 * <p>Holds native memory (the flat parameters' optimizer state and the resident datasets) in a manager of
 * its own: {@link #close()} frees it; the network's weights stay, as views of the flat array.
 */
final class FlatTraining implements AutoCloseable {
    private final Block block;
    private final NDManager manager;
    private final FlatParameters parameters;
    private final FlatOptimizer optimizer;
    private final Loss loss;
    private final FeedCache feeds;

    private FlatTraining(Block block, NDManager manager, FlatParameters parameters, OptimizerChoice choice,
                         Loss loss, OptimizerMemory remembered) {
        this.block = block;
        this.manager = manager;
        this.parameters = parameters;
        this.optimizer = new FlatOptimizer(choice, parameters.values(), manager, remembered);
        this.loss = loss;
        this.feeds = new FeedCache(manager);
    }

    /**
     * Fast training for {@code block}'s parameters with {@code choice}, in a sub-manager of {@code parent},
     * continuing from {@code remembered} where it fits (may be null); null when the parameters cannot be made
     * flat (then train the DJL way, and {@code remembered} is closed).
     */
    static FlatTraining start(Block block, NDManager parent, OptimizerChoice choice, Loss loss,
                              OptimizerMemory remembered) {
        NDManager manager = parent.newSubManager();
        FlatParameters parameters = FlatParameters.attach(block, manager);
        if (parameters == null) {
            manager.close();
            if (remembered != null) {
                remembered.close();
            }
            return null;
        }
        return new FlatTraining(block, manager, parameters, choice, loss, remembered);
    }

    /** What the optimizer remembers now (its arrays stay this session's). */
    OptimizerMemory memory() {
        return optimizer.memory();
    }

    /** False once something gave the network's parameters new arrays (e.g. loaded weights): start again then. */
    boolean attached() {
        return parameters.attached();
    }

    /** The batches that training will ask for next, so a staged feed can build each ahead. */
    void plan(ImageDataset data, List<int[]> order) {
        feed(data).plan(order);
    }

    /** Where {@code data}'s batches come from: the same feed (uploaded once) for every epoch of the session. */
    BatchFeed feed(ImageDataset data) {
        return feeds.of(data);
    }

    /** A manager for one batch's arrays; close it after the batch. */
    NDManager batchManager() {
        return manager.newSubManager();
    }

    /**
     * One training step on images {@code indices} of {@code data}, its arrays in {@code batch}: returns
     * {scores, loss}, or null when {@code abandoned} turned true before the weights were touched.
     */
    NDArray[] step(NDManager batch, ImageDataset data, int[] indices, BooleanSupplier abandoned) {
        NDList xy;
        try (OneThread ignored = OneThread.when((long) indices.length * data.shape().size())) {
            xy = feed(data).batch(batch, indices);
        }
        NDArray scores;
        NDArray value;
        FlatParameters.Step views;
        try (GradientCollector collector = batch.getEngine().newGradientCollector()) {
            views = parameters.forStep(batch);
            scores = block.forward(views, new NDList(xy.get(0)), true).singletonOrThrow();
            value = loss.evaluate(new NDList(xy.get(1)), new NDList(scores));
            collector.backward(value);
        }
        if (abandoned.getAsBoolean()) {
            return null;
        }
        try (OneThread ignored = OneThread.when(parameters.values().size())) {
            optimizer.step(parameters.values(), views.gradient());
        }
        return new NDArray[] {scores, value};
    }

    @Override
    public void close() {
        feeds.close();
        manager.close();
    }
}
