package org.cnnlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.cnnlab.data.ImageDataset;

/**
 * A training run, described then {@link #run() run}: made by {@code net.fit(train)}.
 * <pre>{@code
 * History history = net.fit(data.train())
 *         .epochs(5).batchSize(128).optimizer(Optimizers.adam(1e-3))
 *         .validation(data.test())
 *         .run();
 * }</pre>
 * One <em>epoch</em> shows the network every training image once, in batches: for each batch the network
 * scores the images, the cross-entropy loss measures how wrong the scores are, backpropagation gives the
 * loss's gradient for every weight, and the optimizer moves the weights a little against it. The images
 * are shuffled anew each epoch so that batches differ.
 *
 * <p>Each setter returns a new {@code Fit}, so one can be kept and varied. Defaults: 1 epoch, batch size 64,
 * Adam with learning rate 1e-3, shuffled, no validation, a progress display.
 *
 * <p><b>Continuing.</b> Running again trains further from where the weights are, appending to the same
 * {@link History}; with the same optimizer choice the optimizer keeps its state.
 *
 * <p><b>Stopping.</b> A thread interrupt (a notebook's stop button) or a listener's
 * {@link FitState#stop(String)} stops at the next batch boundary. {@code run()} then returns normally: the
 * weights and the history so far are kept and usable, and the history says where it stopped
 * ({@link History#status()}, {@link History#interrupted()}). After an interrupt, the thread's interrupt
 * status is left <em>set</em>, so the notebook kernel (or your own code) still sees that the cell was
 * interrupted and ends it instead of silently running the code after {@code run()}; the history is already
 * stored with the network ({@code net.history()}), nothing is lost. Call {@link Thread#interrupted()} to clear
 * it if you handle the interrupt yourself.
 *
 * <p><b>Stopping by force.</b> A kernel that gets no answer to its interrupt (a batch longer than its grace
 * period) stops the thread with {@code Thread.stop}. Batches run on a worker thread the stop cannot reach, so
 * it never lands inside a weight update: the batch in flight is either finished and recorded, or skipped
 * before it changes a weight. The history says {@code stopped by force ...} with {@link History#interrupted()}
 * true, and the next run starts at the next epoch.
 *
 * <p><b>Memory.</b> Before the first batch the run's memory (gradients, optimizer state, and the batch's
 * activations twice, for the backward pass) is estimated; a batch size that would not fit is refused with the
 * arithmetic and the largest batch that would.
 */
public final class Fit {
    private final Trainable net;
    private final ImageDataset train;
    private int epochs = 1;
    private int batchSize = 64;
    private OptimizerChoice optimizer = Optimizers.adam(1e-3);
    private ImageDataset validation;
    private Long seed;
    private boolean shuffle = true;
    private Boolean progress;
    private List<FitListener> listeners = List.of();

    /** Made by {@code net.fit(train)}. */
    Fit(Trainable net, ImageDataset train) {
        this.net = Objects.requireNonNull(net, "net");
        this.train = Objects.requireNonNull(train, "train: give the dataset to learn from, e.g. data.train()");
    }

    /** How many times to go through the training set. */
    public Fit epochs(int epochs) {
        positive("epochs", epochs, "e.g. epochs(5)");
        return with(f -> f.epochs = epochs);
    }

    /** Images per weight update; 32 to 256 are usual. Larger batches run faster per image but update less often. */
    public Fit batchSize(int batchSize) {
        positive("batchSize", batchSize, "e.g. batchSize(128)");
        return with(f -> f.batchSize = batchSize);
    }

    /** The update rule: {@code Optimizers.adam(1e-3)}, {@code Optimizers.sgd(0.05, 0.9)}... */
    public Fit optimizer(OptimizerChoice optimizer) {
        Objects.requireNonNull(optimizer, "optimizer: e.g. Optimizers.adam(1e-3)");
        return with(f -> f.optimizer = optimizer);
    }

    /** Keeps the optimizer kind and changes its learning rate. */
    public Fit learningRate(double rate) {
        OptimizerChoice changed = optimizer.withLearningRate(rate);
        return with(f -> f.optimizer = changed);
    }

    /** Images to measure loss and accuracy on after every epoch; never trained on. */
    public Fit validation(ImageDataset validation) {
        return with(f -> f.validation = validation);
    }

    /** Fixes the shuffling order; by default it follows {@link Seeds#set}, else the clock. */
    public Fit seed(long seed) {
        return with(f -> f.seed = seed);
    }

    /** Whether to reshuffle the training images every epoch (default true; switch off only to study order effects). */
    public Fit shuffle(boolean shuffle) {
        return with(f -> f.shuffle = shuffle);
    }

    /** Whether to show progress (a bar and a live curve in a notebook, a line in a terminal); default true. */
    public Fit progress(boolean show) {
        return with(f -> f.progress = show);
    }

    /** Adds a listener that sees every batch and epoch. */
    public Fit listener(FitListener listener) {
        Objects.requireNonNull(listener, "listener");
        List<FitListener> more = new ArrayList<>(listeners);
        more.add(listener);
        List<FitListener> copy = List.copyOf(more);
        return with(f -> f.listeners = copy);
    }

    /**
     * Trains, and returns the network's {@link History} (the same object each time, growing).
     *
     * @throws org.cnnlab.geometry.GeometryException when the images or classes do not fit the network
     */
    public History run() {
        return new TrainingLoop(this).run();
    }

    Trainable trainable() {
        return net;
    }

    ImageDataset train() {
        return train;
    }

    int epochCount() {
        return epochs;
    }

    int batchSizeValue() {
        return batchSize;
    }

    OptimizerChoice optimizerChoice() {
        return optimizer;
    }

    ImageDataset validationSet() {
        return validation;
    }

    Long seedValue() {
        return seed;
    }

    boolean shuffled() {
        return shuffle;
    }

    boolean progressShown() {
        return progress == null || progress;
    }

    List<FitListener> listeners() {
        return listeners;
    }

    @Override
    public String toString() {
        return "Fit " + train.name() + " (" + train.size() + " images): " + epochs + (epochs == 1 ? " epoch" : " epochs")
                + ", batch size " + batchSize + ", " + optimizer
                + (validation == null ? "" : ", validation on " + validation.name() + " (" + validation.size() + ")")
                + (shuffle ? "" : ", not shuffled") + (seed == null ? "" : ", seed " + seed);
    }

    private Fit with(Consumer<Fit> change) {
        Fit copy = new Fit(net, train);
        copy.epochs = epochs;
        copy.batchSize = batchSize;
        copy.optimizer = optimizer;
        copy.validation = validation;
        copy.seed = seed;
        copy.shuffle = shuffle;
        copy.progress = progress;
        copy.listeners = listeners;
        change.accept(copy);
        return copy;
    }

    private static void positive(String name, int value, String example) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, " + example + ". Received: " + name + "="
                    + value);
        }
    }
}
