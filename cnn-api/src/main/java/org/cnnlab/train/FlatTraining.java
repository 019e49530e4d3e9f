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
        Pass pass = forwardAndBackward(batch, xy);
        // libtorch 2.7.1's CPU convolution backward now and then returns NaN or infinity in the first layers'
        // gradients of a network of small convolutions (found with 4 to 8 channels on 8x8 images, in up to one
        // step in ten, varying with the memory it is given; the same with DJL's own trainer), while the loss and
        // everything before it are finite: garbage, not divergence. One step with it turns every weight NaN for
        // good. It comes from its oneDNN's AVX-512 kernels (channels padded to blocks of 16): limited to AVX2
        // (ONEDNN_MAX_CPU_ISA) it was 2 networks in 300, to SSE4.1 none, but LeNet-5 then trained 15 to 25 %
        // slower. Such a pass is computed again, twice at most; a gradient still not finite is applied as it is.
        // (A repeated pass also moves batch-norm running statistics once more with the same batch.) Only on the
        // CPU: on a GPU the check would wait for the device once more per step, for a defect it does not have.
        boolean cpu = !parameters.values().getDevice().isGpu();
        for (int again = 0; cpu && again < 2 && pass.garbageGradient(); again++) {
            pass = forwardAndBackward(batch, xy);
        }
        if (abandoned.getAsBoolean()) {
            return null;
        }
        try (OneThread ignored = OneThread.when(parameters.values().size())) {
            optimizer.step(parameters.values(), pass.views.gradient());
        }
        return new NDArray[] {pass.scores, pass.value};
    }

    /** One forward and backward pass on the batch {@code xy}, its arrays in {@code batch}. */
    private Pass forwardAndBackward(NDManager batch, NDList xy) {
        try (GradientCollector collector = batch.getEngine().newGradientCollector()) {
            FlatParameters.Step views = parameters.forStep(batch);
            NDArray scores = block.forward(views, new NDList(xy.get(0)), true).singletonOrThrow();
            NDArray value = loss.evaluate(new NDList(xy.get(1)), new NDList(scores));
            collector.backward(value);
            return new Pass(views, scores, value);
        }
    }

    private record Pass(FlatParameters.Step views, NDArray scores, NDArray value) {
        /** A finite loss with a gradient that is not: the engine's defect described in {@link #step}. */
        boolean garbageGradient() {
            return Float.isFinite(value.getFloat()) && !Float.isFinite(views.gradient().sum().getFloat());
        }
    }

    @Override
    public void close() {
        feeds.close();
        manager.close();
    }
}
