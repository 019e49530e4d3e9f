package org.cnnlab;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.engine.BlockFactory;
import org.cnnlab.engine.NoGrad;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.model.Summary;
import org.cnnlab.pictures.Diagram;
import org.cnnlab.pictures.FeatureMaps;
import org.cnnlab.pictures.FilterPicture;
import org.cnnlab.render.Display;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.runtime.CnnLabRuntime;
import org.cnnlab.train.Evaluation;
import org.cnnlab.train.Fit;
import org.cnnlab.train.History;
import org.cnnlab.train.ModelFile;
import org.cnnlab.train.Prediction;
import tech.tablesaw.api.Table;

/**
 * A built network: its description and the real, initialised DJL block that computes it, on one device.
 * Made by {@link Cnn#build()}. Holds native memory: {@link #close()} it (or let a notebook restart) when
 * done.
 */
public final class Network implements Displayable, AutoCloseable {
    private final ModelSpec spec;
    private final Device device;
    private final Model model;
    private final SequentialBlock block;
    private final History history = History.empty();

    Network(ModelSpec spec, Device device) {
        CnnLabRuntime.init();
        this.spec = spec;
        this.device = device;
        this.block = BlockFactory.build(spec);
        this.model = Model.newInstance("cnnlab", device.djl(), "PyTorch");
        model.setBlock(block);
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        Volume in = spec.input();
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
    }

    /** The checked description this network was built from. */
    public ModelSpec spec() {
        return spec;
    }

    public Device device() {
        return device;
    }

    /** One row per layer: output shape, parameters, multiply-adds, receptive field, FC equivalent; then totals. */
    public Table summary() {
        return Summary.of(spec, "summary");
    }

    /** Learned numbers, as the summary counts them (batch-norm running statistics are not learned). */
    public long parameterCount() {
        return spec.parameterCount();
    }

    public Volume inputShape() {
        return spec.input();
    }

    public Volume outputShape() {
        return spec.outputShape();
    }

    /** The DJL block; child {@code i - 1} is layer {@code i} of the summary. */
    public SequentialBlock block() {
        return block;
    }

    /** The DJL model holding the block and its memory, for code that talks to DJL directly. */
    public Model model() {
        return model;
    }

    /** The memory manager on this network's device; arrays made from it live as long as the network. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** Learned numbers as DJL counts them, read from the block itself (a check on the arithmetic). */
    public long djlParameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    /**
     * Runs the network (in inference mode) on one image {@code (C, H, W)} or a batch {@code (N, C, H, W)}, of
     * the size it was built for or of any other size its layers all fit with the same weights.
     *
     * @throws GeometryException when a layer cannot take the input's shape, saying which and why
     */
    public NDArray forward(NDArray input) {
        return forwardTo(input, spec.layers().size());
    }

    /** The output of every layer for one image or batch, in order: what feature-map pictures draw. */
    public List<NDArray> activations(NDArray input) {
        List<NDArray> out = new ArrayList<>();
        runLayers(input, spec.layers().size(), out::add);
        return out;
    }

    /** The output of layer {@code layerName} ({@code conv1}, {@code pool2}…) for one image or batch. */
    public NDArray activation(NDArray input, String layerName) {
        return forwardTo(input, spec.layer(layerName).index());
    }

    /**
     * The filters of conv layer {@code layer} ({@code "conv1"}) as a picture: blue negative, white zero, red
     * positive weights, one tile per filter (and per input channel past the first layer).
     */
    public FilterPicture filters(String layer) {
        return FilterPicture.of(spec, block, spec.layer(layer));
    }

    /** The filters of the conv layer at 1-based position {@code layer}, as the summary numbers them. */
    public FilterPicture filters(int layer) {
        return FilterPicture.of(spec, block, spec.layer(layer));
    }

    /**
     * The feature maps one image {@code [channel][row][column]} (values 0..1 for a picture) makes at
     * {@code layers}: one layer's maps as a grid, several layers as a tour from edges to shapes, every conv
     * layer when none are named. {@code .maps()} gives the numbers, {@code .withFilters()} pairs each map
     * with its filter.
     */
    public FeatureMaps featureMaps(float[][][] image, String... layers) {
        try (NDManager m = manager().newSubManager()) {
            return FeatureMaps.of(spec, block, m, image, this::activations, layers);
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
        return Diagram.of(spec);
    }

    /**
     * Starts describing a training run on {@code train}; {@code run()} trains. See {@link Fit}.
     * <pre>{@code
     * var history = net.fit(data.train()).epochs(5).batchSize(128)
     *         .optimizer(Optimizers.adam(1e-3)).validation(data.test()).run();
     * }</pre>
     */
    public Fit fit(ImageDataset train) {
        return new Fit(this, train);
    }

    /** Everything this network's training did so far; every {@code fit(...).run()} appends to it. */
    public History history() {
        return history;
    }

    /** Accuracy, per-class accuracy, confusion matrix and misclassified images on {@code data}. */
    public Evaluation evaluate(ImageDataset data) {
        return Evaluation.of(this, data);
    }

    /** Class probabilities for one image {@code [channel][row][column]}, e.g. {@code data.test().image(0)}. */
    public Prediction predict(float[][][] image) {
        return Prediction.of(this, image, null);
    }

    /** Class probabilities for one image given as an array (C, H, W), or (H, W) for a grey image. */
    public Prediction predict(NDArray image) {
        return predict(FeatureMaps.image(image));
    }

    /** Class probabilities for image {@code index} of {@code data}, with its class names. */
    public Prediction predict(ImageDataset data, int index) {
        return Prediction.of(this, data.image(index), data.classNames());
    }

    /**
     * Writes the architecture and the learned parameters to one file, atomically: an interrupted save never
     * damages a file saved before. Reload with {@link #load(Path)}. See {@link ModelFile}.
     */
    public void save(Path file) {
        ModelFile.save(this, file);
    }

    /** A network saved by {@link #save(Path)}, rebuilt on the CPU: same architecture, same outputs. */
    public static Network load(Path file) {
        return ModelFile.load(file, Device.cpu());
    }

    /** A network saved by {@link #save(Path)}, rebuilt on {@code device}. */
    public static Network load(Path file, Device device) {
        return ModelFile.load(file, device);
    }

    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle table = Display.bundleOf(summary());
        return MimeBundle.text(toString() + "\n" + table.plainText()).withHtml(table.get(MimeBundle.HTML));
    }

    @Override
    public String toString() {
        return "Network " + spec.input() + " -> " + spec.outputShape() + ", " + spec.infos().size() + " layers, "
                + String.format("%,d", parameterCount()) + " parameters, on " + device;
    }

    @Override
    public void close() {
        model.close();
    }

    private NDArray forwardTo(NDArray input, int layers) {
        return runLayers(input, layers, x -> { });
    }

    /** Runs the first {@code layers} layers in inference mode, handing each output to {@code each}; returns the last. */
    private NDArray runLayers(NDArray input, int layers, Consumer<NDArray> each) {
        NDArray x = batched(input, layers);
        ParameterStore store = new ParameterStore(x.getManager(), false);
        List<Block> children = block.getChildren().values();
        try (NoGrad ignored = NoGrad.start()) {
            for (int i = 0; i < layers; i++) {
                x = children.get(i).forward(store, new NDList(x), false).singletonOrThrow();
                each.accept(x);
            }
        }
        return x;
    }

    /**
     * Accepts (C, H, W) or (N, C, H, W): of the input volume, or of another size wherever the first
     * {@code layers} layers, those that will run, fit it with the same weights ({@link ModelSpec#forInput},
     * which explains where one does not).
     */
    private NDArray batched(NDArray input, int layers) {
        Shape s = input.getShape();
        if (s.dimension() == 3 || s.dimension() == 4) {
            Shape chw = s.slice(s.dimension() - 3);
            spec.firstLayers(layers).forInput(Volume.of((int) chw.get(0), (int) chw.get(1), (int) chw.get(2)));
            return toDevice(s.dimension() == 3 ? input.expandDims(0) : input);
        }
        Volume in = spec.input();
        throw new GeometryException("This network takes images of " + in + " (channels x height x width), one as ("
                + in.channels() + ", " + in.height() + ", " + in.width() + ") or a batch as (N, " + in.channels() + ", "
                + in.height() + ", " + in.width() + "). Received: an array of shape " + s + "."
                + (s.dimension() == 2 && in.channels() == 1 ? "\nHow to fix it: add the channel axis with "
                        + "x.reshape(1, " + s.get(0) + ", " + s.get(1) + ")." : ""));
    }

    private NDArray toDevice(NDArray x) {
        NDArray f = x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
        return f.getDevice().equals(device.djl()) ? f : f.toDevice(device.djl(), false);
    }
}
