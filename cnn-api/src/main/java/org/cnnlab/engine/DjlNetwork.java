package org.cnnlab.engine;

import ai.djl.Device;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.memory.MemoryCheck;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.runtime.CnnLabRuntime;

/**
 * The DJL side of a network: its description, the real block that computes it, the DJL model that owns the
 * block's memory, and the device. {@code net.djl()} gives it to code that talks to DJL directly (the
 * block's parameters, its manager, a layer's output). Training, evaluation and saving work on this object,
 * so they need nothing from {@code org.cnnlab.Network} itself.
 *
 * <p>Every allocation the description decides passes a memory check first: the parameters when it is
 * built, the activations of the batch on every forward pass (see {@link MemoryCheck}).
 */
public final class DjlNetwork implements AutoCloseable {
    private final ModelSpec spec;
    private final Device device;
    private final Model model;
    private final SequentialBlock block;

    private DjlNetwork(ModelSpec spec, Device device) {
        this.spec = spec;
        this.device = device;
        this.block = BlockFactory.build(spec);
        this.model = Model.newInstance("cnnlab", device, "PyTorch");
        model.setBlock(block);
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        Volume in = spec.input();
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
    }

    /** Builds and initialises the block on {@code device}, after checking its parameters fit in memory. */
    public static DjlNetwork build(ModelSpec spec, Device device) {
        CnnLabRuntime.init();
        NativeCheck.verify();
        MemoryCheck.parameters(spec, device, "build");
        return new DjlNetwork(spec, device);
    }

    public ModelSpec spec() {
        return spec;
    }

    public Device device() {
        return device;
    }

    /** The DJL block; child {@code i - 1} is layer {@code i} of the summary. */
    public SequentialBlock block() {
        return block;
    }

    /** The DJL model holding the block and its memory. */
    public Model model() {
        return model;
    }

    /** The memory manager on this network's device; arrays made from it live as long as the network. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** Learned numbers as DJL counts them, read from the block itself (a check on the description's arithmetic). */
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    /**
     * Marks every learned parameter's array as needing a gradient. Arrays read from a file come back without
     * that mark, and a trainer built on them fails at its first backward pass.
     */
    public void makeTrainable() {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient() && !parameter.getArray().hasGradient()) {
                parameter.getArray().setRequiresGradient(true);
            }
        }
    }

    /** Sets every parameter's gradient to zero, for a batch whose gradients were computed but must not be used. */
    public void clearGradients() {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array.hasGradient()) {
                NDArray gradient = array.getGradient();
                gradient.subi(gradient);
            }
        }
    }

    /** Runs the network in inference mode on one image (C, H, W) or a batch (N, C, H, W). */
    public NDArray forward(NDArray input) {
        return runLayers(input, spec.layers().size(), x -> { });
    }

    /** The output of every layer for one image or batch, in order: what feature-map pictures draw. */
    public List<NDArray> activations(NDArray input) {
        List<NDArray> out = new ArrayList<>();
        runLayers(input, spec.layers().size(), out::add);
        return out;
    }

    /** The output of layer {@code layerName} ({@code conv1}, {@code pool2}…) for one image or batch. */
    public NDArray activation(NDArray input, String layerName) {
        return runLayers(input, spec.layer(layerName).index(), x -> { });
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * Runs the first {@code layers} layers in inference mode, handing each output to {@code each}; returns
     * the last. Every output stays in the input's manager until it closes, so the memory check counts them all.
     */
    private NDArray runLayers(NDArray input, int layers, Consumer<NDArray> each) {
        ModelSpec sized = sizedFor(input.getShape(), layers);
        NDArray x = toDevice(input.getShape().dimension() == 3 ? input.expandDims(0) : input);
        MemoryCheck.inference(sized, x.getShape().get(0), layers, device);
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
     * What the first {@code layers} layers (those that will run) make from an input of shape {@code s}, (C, H,
     * W) or (N, C, H, W): of the input volume, or of another size wherever those layers fit it with the same
     * weights ({@link ModelSpec#forInput}, which explains where one does not); anything else is explained.
     */
    private ModelSpec sizedFor(Shape s, int layers) {
        if (s.dimension() == 3 || s.dimension() == 4 && s.get(0) > 0) {
            Shape chw = s.slice(s.dimension() - 3);
            return spec.firstLayers(layers).forInput(Volume.of((int) chw.get(0), (int) chw.get(1), (int) chw.get(2)));
        }
        Volume in = spec.input();
        throw new GeometryException("This network takes images of " + in + " (channels x height x width), one as ("
                + in.channels() + ", " + in.height() + ", " + in.width() + ") or a batch as (N, " + in.channels() + ", "
                + in.height() + ", " + in.width() + ") with N at least 1. Received: an array of shape " + s + "."
                + (s.dimension() == 2 && in.channels() == 1 ? "\nHow to fix it: add the channel axis with "
                        + "x.reshape(1, " + s.get(0) + ", " + s.get(1) + ")." : ""));
    }

    private NDArray toDevice(NDArray x) {
        NDArray f = x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
        return f.getDevice().equals(device) ? f : f.toDevice(device, false);
    }
}
