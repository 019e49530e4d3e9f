package org.cnnlab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.engine.DjlNetwork;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.memory.MemorySummary;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.pictures.Diagram;
import org.cnnlab.pictures.FeatureMaps;
import org.cnnlab.pictures.FilterPicture;
import org.cnnlab.render.Display;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.train.Evaluation;
import org.cnnlab.train.Fit;
import org.cnnlab.train.History;
import org.cnnlab.train.ModelFile;
import org.cnnlab.train.Prediction;
import org.cnnlab.train.SavedModel;
import org.cnnlab.train.Trainable;
import tech.tablesaw.api.Table;

/**
 * A built network: its description and the real, initialised DJL block that computes it, on one device, with
 * the history of its training. Made by {@link Cnn#build()} or {@link #load(Path)}. Holds native memory:
 * {@link #close()} it (or let a notebook restart) when done.
 *
 * <p>The shapes and counts are in {@link #spec()} ({@code net.spec().input()}, {@code outputShape()}); the
 * DJL objects (block, model, manager, a layer's raw output) are in {@link #djl()}.
 */
public final class Network implements Displayable, AutoCloseable {
    private final Device device;
    private final Trainable trainable;
    /** The class names of the data it was last trained or evaluated on, so predict(image) can name classes. */
    private volatile List<String> classNames;

    Network(ModelSpec spec, Device device) {
        this(Trainable.fresh(DjlNetwork.build(spec, device.djl())), device);
    }

    private Network(Trainable trainable, Device device) {
        this.trainable = trainable;
        this.device = device;
    }

    /** The checked description this network was built from: layers, shapes, parameter counts. */
    public ModelSpec spec() {
        return trainable.djl().spec();
    }

    public Device device() {
        return device;
    }

    /**
     * One row per layer: output shape, parameters, multiply-adds, receptive field, FC equivalent, memory per
     * image; then totals. The title gives the memory a training batch needs.
     */
    public Table summary() {
        return MemorySummary.of(spec(), "summary");
    }

    /** Learned numbers, as the summary counts them (batch-norm running statistics are not learned). */
    public long parameterCount() {
        return spec().parameterCount();
    }

    /** The DJL side (block, model, manager, each layer's output), for code that talks to DJL directly. */
    public DjlNetwork djl() {
        return trainable.djl();
    }

    /**
     * Runs the network (in inference mode) on one image {@code (C, H, W)} or a batch {@code (N, C, H, W)}.
     *
     * @throws GeometryException when the input's shape is not what the network takes
     * @throws org.cnnlab.memory.NotEnoughMemoryException when the batch's activations would not fit in memory
     */
    public NDArray forward(NDArray input) {
        return djl().forward(input);
    }

    /**
     * The filters of conv layer {@code layer} ({@code "conv1"}) as a picture: blue negative, white zero, red
     * positive weights, one tile per filter (and per input channel past the first layer).
     */
    public FilterPicture filters(String layer) {
        return FilterPicture.of(spec(), djl().block(), spec().layer(layer));
    }

    /** The filters of the conv layer at 1-based position {@code layer}, as the summary numbers them. */
    public FilterPicture filters(int layer) {
        return FilterPicture.of(spec(), djl().block(), spec().layer(layer));
    }

    /**
     * The feature maps one image {@code [channel][row][column]} (values 0..1 for a picture) makes at
     * {@code layers}: one layer's maps as a grid, several layers as a tour from edges to shapes, every conv
     * layer when none are named. {@code .maps()} gives the numbers, {@code .withFilters()} pairs each map
     * with its filter.
     */
    public FeatureMaps featureMaps(float[][][] image, String... layers) {
        try (NDManager m = djl().manager().newSubManager()) {
            return FeatureMaps.of(spec(), djl().block(), m, image, djl()::activations, layers);
        }
    }

    /** {@link #featureMaps(float[][][], String...)} for a grey image {@code [row][column]}. */
    public FeatureMaps featureMaps(float[][] image, String... layers) {
        return featureMaps(new float[][][] {image}, layers);
    }

    /** {@link #featureMaps(float[][][], String...)} for an array shaped (C, H, W), or (H, W) for grey. */
    public FeatureMaps featureMaps(NDArray image, String... layers) {
        return featureMaps(FeatureMaps.image(image), layers);
    }

    /** The layer stack as a diagram (SVG and PNG): every layer's name and the shape it makes. */
    public Diagram diagram() {
        return Diagram.of(spec());
    }

    /**
     * Starts describing a training run on {@code train}; {@code run()} trains. See {@link Fit}.
     * <pre>{@code
     * var history = net.fit(data.train()).epochs(5).batchSize(128)
     *         .optimizer(Optimizers.adam(1e-3)).validation(data.test()).run();
     * }</pre>
     */
    public Fit fit(ImageDataset train) {
        classNames = train == null ? classNames : train.classNames();
        return trainable.fit(train);
    }

    /** Everything this network's training did so far (saved with it); every {@code fit(...).run()} appends to it. */
    public History history() {
        return trainable.history();
    }

    /** Accuracy, per-class accuracy, confusion matrix and misclassified images on {@code data}. */
    public Evaluation evaluate(ImageDataset data) {
        classNames = data == null ? classNames : data.classNames();
        return Evaluation.of(djl(), data);
    }

    /**
     * Class probabilities for one image {@code [channel][row][column]}, e.g. {@code data.test().image(0)}; the
     * classes are named as in the data this network was last trained or evaluated on.
     */
    public Prediction predict(float[][][] image) {
        return Prediction.of(djl(), image, classNames);
    }

    /** Class probabilities for one image given as an array (C, H, W), or (H, W) for a grey image. */
    public Prediction predict(NDArray image) {
        return predict(FeatureMaps.image(image));
    }

    /** Class probabilities for image {@code index} of {@code data}, with its class names. */
    public Prediction predict(ImageDataset data, int index) {
        return Prediction.of(djl(), data.image(index), data.classNames());
    }

    /**
     * Writes the architecture, the training history, the learned parameters and what the optimizer remembers
     * (Adam's moving averages, SGD's momentum) to one file, atomically: an interrupted or killed save never
     * damages a file saved before. Returns what is now on disk. Reload with {@link #load(Path)}; a {@code fit}
     * with the same optimizer then continues as if training had never stopped. See {@link ModelFile}.
     */
    public SavedModel save(Path file) {
        return ModelFile.save(trainable, file);
    }

    /** A network saved by {@link #save(Path)}, rebuilt on the CPU: same outputs, same history, trains on. */
    public static Network load(Path file) {
        return load(file, Device.cpu());
    }

    /** A network saved by {@link #save(Path)}, rebuilt on {@code device}. */
    public static Network load(Path file, Device device) {
        return new Network(ModelFile.load(file, device.djl()), device);
    }

    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle table = Display.bundleOf(summary());
        return MimeBundle.text(toString() + "\n" + table.plainText()).withHtml(table.get(MimeBundle.HTML));
    }

    @Override
    public String toString() {
        return "Network " + spec().input() + " -> " + spec().outputShape() + ", " + spec().infos().size()
                + " layers, " + String.format("%,d", parameterCount()) + " parameters, on " + device;
    }

    @Override
    public void close() {
        trainable.close();
    }
}
