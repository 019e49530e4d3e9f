package org.cnnlab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Window;
import org.cnnlab.model.ActivationLayer;
import org.cnnlab.model.BatchNormLayer;
import org.cnnlab.model.ConvLayer;
import org.cnnlab.model.DenseLayer;
import org.cnnlab.model.DropoutLayer;
import org.cnnlab.model.FlattenLayer;
import org.cnnlab.model.GlobalAvgPoolLayer;
import org.cnnlab.model.Layer;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.model.PoolLayer;
import org.cnnlab.model.Summary;
import tech.tablesaw.api.Table;

/**
 * The front door: describe a CNN the way a course draws it, layer by layer, then {@link #build()} it.
 * <pre>{@code
 * var net = Cnn.input(1, 28, 28)                 // channels, height, width
 *         .conv(6, 5).pad(2).relu().maxPool(2)   // 6 filters of 5x5; pad/stride modify the layer just added
 *         .conv(16, 5).relu().maxPool(2)
 *         .flatten().dense(120).relu().dense(84).relu().dense(10)
 *         .build();
 * }</pre>
 * Each call returns a new description, so a prefix can be shared between variants. Nothing is allocated
 * until {@code build()}; {@link #summary()} and {@link #parameterCount()} work on the description alone,
 * which is how VGG-16's 138 million parameters can be counted in a blink.
 */
public final class Cnn {
    private final Volume input;
    private final List<Layer> layers;
    private final List<String> names;

    private Cnn(Volume input, List<Layer> layers, List<String> names) {
        this.input = input;
        this.layers = layers;
        this.names = names;
    }

    /** Starts a network on images of {@code channels x height x width} (1 for grey, 3 for colour). */
    public static Cnn input(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new GeometryException("Cnn.input takes positive channels, height and width. Received: channels="
                    + channels + ", height=" + height + ", width=" + width + ".");
        }
        return new Cnn(Volume.of(channels, height, width), List.of(), List.of());
    }

    /** Continues from an existing description, e.g. one reloaded from a saved model. */
    public static Cnn from(ModelSpec spec) {
        return new Cnn(spec.input(), spec.layers(), spec.givenNames());
    }

    /**
     * Names the layer just added, as a paper or a lecture calls it ({@code conv3_2}, {@code fc6}); every
     * method that takes a layer name then takes this one. Layers left unnamed are called conv1, pool1, dense1…
     */
    public Cnn name(String name) {
        last("name(\"" + name + "\")");
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("A layer name starts with a letter and holds letters, digits, '_', "
                    + "'.' or '-', like conv3_2 or fc6. Received: " + (name == null ? "null" : "'" + name + "'") + ".");
        }
        List<String> next = new ArrayList<>(names);
        next.set(next.size() - 1, name);
        return new Cnn(input, layers, Collections.unmodifiableList(next));
    }

    /**
     * The same layers on images of another size: what the description (its parameter counts included)
     * would be for {@code channels x height x width}. A built network runs on other sizes only where its
     * weights stay the same: see {@link ModelSpec#forInput(Volume)}.
     */
    public Cnn withInput(int channels, int height, int width) {
        return new Cnn(input(channels, height, width).input, layers, names);
    }

    /** {@code filters} square filters of {@code size x size}, stride 1, no padding. */
    public Cnn conv(int filters, int size) {
        return conv(filters, size, size);
    }

    /** {@code filters} filters of {@code height x width}. */
    public Cnn conv(int filters, int height, int width) {
        return add(new ConvLayer(filters, Window.of(height), Window.of(width), 1));
    }

    /** Max pooling with a square window; the stride defaults to the window size (windows do not overlap). */
    public Cnn maxPool(int size) {
        return maxPool(size, size);
    }

    public Cnn maxPool(int height, int width) {
        return add(pool(PoolLayer.Kind.MAX, height, width));
    }

    /** Average pooling with a square window; the stride defaults to the window size. */
    public Cnn avgPool(int size) {
        return avgPool(size, size);
    }

    public Cnn avgPool(int height, int width) {
        return add(pool(PoolLayer.Kind.AVERAGE, height, width));
    }

    /** Sets the stride of the conv or pool layer just added. */
    public Cnn stride(int stride) {
        return stride(stride, stride);
    }

    public Cnn stride(int height, int width) {
        return modifyWindows("stride(" + height + (height == width ? "" : ", " + width) + ")",
                (h, w) -> new Window[] {h.withStride(height), w.withStride(width)});
    }

    /** Zero-pads each side of the input of the conv or pool layer just added. */
    public Cnn pad(int pad) {
        return pad(pad, pad);
    }

    public Cnn pad(int height, int width) {
        return modifyWindows("pad(" + height + (height == width ? "" : ", " + width) + ")",
                (h, w) -> new Window[] {h.withPad(height), w.withPad(width)});
    }

    /**
     * "Same" padding: P = (F - 1) / 2, which keeps height and width unchanged at stride 1. Needs an odd
     * filter size; an even one cannot be centred.
     */
    public Cnn padSame() {
        return modifyWindows("padSame()", (h, w) -> {
            for (Window x : new Window[] {h, w}) {
                if (x.size() % 2 == 0) {
                    throw new GeometryException("padSame() needs an odd filter size so the filter can be centred; "
                            + "this one is " + h.size() + "x" + w.size() + ".\nHow to fix it: use a size of "
                            + (x.size() - 1) + " or " + (x.size() + 1) + ", or pad explicitly with .pad(" + x.size() / 2
                            + ") and accept a size change of 1.");
                }
            }
            return new Window[] {h.withPad((h.size() - 1) / 2), w.withPad((w.size() - 1) / 2)};
        });
    }

    /** Splits the conv layer just added into {@code groups} groups of channels (AlexNet's two GPUs). */
    public Cnn groups(int groups) {
        Layer last = last("groups(" + groups + ")");
        if (!(last instanceof ConvLayer)) {
            throw new GeometryException("groups(" + groups + ") follows " + last.describe()
                    + ": groups apply to a conv layer; call it right after .conv(...).");
        }
        ConvLayer c = (ConvLayer) last;
        return replaceLast(new ConvLayer(c.filters(), c.height(), c.width(), groups));
    }

    public Cnn relu() {
        return add(new ActivationLayer(ActivationLayer.Kind.RELU));
    }

    public Cnn sigmoid() {
        return add(new ActivationLayer(ActivationLayer.Kind.SIGMOID));
    }

    public Cnn tanh() {
        return add(new ActivationLayer(ActivationLayer.Kind.TANH));
    }

    public Cnn batchNorm() {
        return add(new BatchNormLayer());
    }

    /** Zeroes each number with probability {@code rate} while training. */
    public Cnn dropout(double rate) {
        return add(new DropoutLayer(rate));
    }

    /**
     * Global average pooling: each feature map becomes its mean, so C maps of any size become C numbers.
     * With it in place of {@link #flatten()} before the dense layers, the network takes images of any size
     * its convolutions fit. See {@link GlobalAvgPoolLayer}.
     */
    public Cnn globalAvgPool() {
        return add(new GlobalAvgPoolLayer());
    }

    /**
     * Lets the conv or pool layer just added round its output size down where {@code (N - F + 2P) / S + 1}
     * is not whole, skipping the last rows and columns its window cannot reach, as PyTorch always does
     * silently. Only for reproducing a network defined that way (torchvision's AlexNet on 224 x 224);
     * cnnlab otherwise refuses sizes that do not fit.
     */
    public Cnn floorLikePyTorch() {
        return modifyWindows("floorLikePyTorch()", (h, w) -> new Window[] {h.withFloor(true), w.withFloor(true)});
    }

    public Cnn flatten() {
        return add(new FlattenLayer());
    }

    /** A fully connected layer of {@code units} outputs; needs {@link #flatten()} before it. */
    public Cnn dense(int units) {
        return add(new DenseLayer(units));
    }

    /**
     * The checked description: every shape worked out.
     *
     * @throws GeometryException naming the first layer whose geometry does not work, with the fixes
     */
    public ModelSpec spec() {
        return new ModelSpec(input, layers, names);
    }

    /** The summary table (see {@link Summary}), without building anything. */
    public Table summary() {
        return org.cnnlab.memory.MemorySummary.of(spec(), "summary");
    }

    public long parameterCount() {
        return spec().parameterCount();
    }

    public Volume outputShape() {
        return spec().outputShape();
    }

    /** Builds the network on the CPU: a real, initialised DJL block. */
    public Network build() {
        return build(Device.cpu());
    }

    /** Builds the network on {@code device}: {@code Device.cpu()}, {@code Device.gpu()} or {@code Device.auto()}. */
    public Network build(Device device) {
        return new Network(spec(), device);
    }

    /** The description as the chain of calls that makes it. */
    @Override
    public String toString() {
        return spec().toText();
    }

    private Cnn add(Layer layer) {
        List<Layer> next = new ArrayList<>(layers);
        next.add(layer);
        List<String> nextNames = new ArrayList<>(names);
        nextNames.add(null);
        return new Cnn(input, List.copyOf(next), Collections.unmodifiableList(nextNames));
    }

    private Cnn replaceLast(Layer layer) {
        List<Layer> next = new ArrayList<>(layers);
        next.set(next.size() - 1, layer);
        return new Cnn(input, List.copyOf(next), names);
    }

    private Layer last(String call) {
        if (layers.isEmpty()) {
            throw new GeometryException(call + " needs a layer to modify; add one first, e.g. .conv(6, 5)." + call);
        }
        return layers.get(layers.size() - 1);
    }

    private static PoolLayer pool(PoolLayer.Kind kind, int height, int width) {
        return new PoolLayer(kind, new Window(height, height, 0), new Window(width, width, 0));
    }

    private interface WindowChange {
        Window[] apply(Window height, Window width);
    }

    private Cnn modifyWindows(String call, WindowChange change) {
        Layer last = last(call);
        if (last instanceof ConvLayer) {
            ConvLayer c = (ConvLayer) last;
            Window[] hw = change.apply(c.height(), c.width());
            return replaceLast(new ConvLayer(c.filters(), hw[0], hw[1], c.groups()));
        }
        if (last instanceof PoolLayer) {
            PoolLayer p = (PoolLayer) last;
            Window[] hw = change.apply(p.height(), p.width());
            return replaceLast(new PoolLayer(p.type(), hw[0], hw[1]));
        }
        throw new GeometryException(call + " follows " + last.describe() + ": stride and padding modify the conv "
                + "or pool layer just added.\nHow to fix it: call it right after .conv(...) or .maxPool(...), e.g. "
                + ".conv(6, 5)." + call + ".relu().");
    }
}
