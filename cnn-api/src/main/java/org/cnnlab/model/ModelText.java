package org.cnnlab.model;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Window;

/**
 * A network description as plain text, one layer a line, saved next to a model's parameters so that a
 * saved model reloads into an identical network. Readable on purpose:
 * <pre>
 * input 1x28x28
 * conv 6 5x5 stride=1x1 pad=2x2
 * relu
 * maxPool 2x2 stride=2x2 pad=0x0
 * flatten
 * dense 10
 * </pre>
 */
public final class ModelText {
    private ModelText() {}

    public static String write(ModelSpec spec) {
        Volume in = spec.input();
        StringBuilder b = new StringBuilder("input " + in.channels() + "x" + in.height() + "x" + in.width() + "\n");
        for (Layer layer : spec.layers()) {
            b.append(layer.toText()).append('\n');
        }
        return b.toString();
    }

    /** Reads what {@link #write} wrote; a line it cannot read is reported with its number. */
    public static ModelSpec parse(String text) {
        String[] lines = text.strip().split("\\R");
        if (lines.length == 0 || !lines[0].startsWith("input ")) {
            throw new IllegalArgumentException("A network description starts with 'input CxHxW'. Received first line: '"
                    + (lines.length == 0 ? "" : lines[0]) + "'.");
        }
        int[] in = ints(lines[0].substring(6), 1);
        List<Layer> layers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            try {
                layers.add(layer(lines[i].strip().split("\\s+")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of the network description, '" + lines[i]
                        + "', cannot be read: " + e.getMessage(), e);
            }
        }
        return new ModelSpec(Volume.of(in[0], in[1], in[2]), layers);
    }

    private static Layer layer(String[] w) {
        switch (w[0]) {
            case "conv": {
                Window[] hw = windows(w, 2);
                int groups = w.length > 5 ? Integer.parseInt(w[5].substring("groups=".length())) : 1;
                return new ConvLayer(Integer.parseInt(w[1]), hw[0], hw[1], groups);
            }
            case "maxPool":
            case "avgPool": {
                Window[] hw = windows(w, 1);
                return new PoolLayer(w[0].equals("maxPool") ? PoolLayer.Kind.MAX : PoolLayer.Kind.AVERAGE, hw[0], hw[1]);
            }
            case "relu":
                return new ActivationLayer(ActivationLayer.Kind.RELU);
            case "sigmoid":
                return new ActivationLayer(ActivationLayer.Kind.SIGMOID);
            case "tanh":
                return new ActivationLayer(ActivationLayer.Kind.TANH);
            case "batchNorm":
                return new BatchNormLayer();
            case "dropout":
                return new DropoutLayer(Double.parseDouble(w[1]));
            case "flatten":
                return new FlattenLayer();
            case "dense":
                return new DenseLayer(Integer.parseInt(w[1]));
            default:
                throw new IllegalArgumentException("unknown layer kind '" + w[0] + "'");
        }
    }

    /** {@code 5x5 stride=1x1 pad=2x2} starting at word {@code at}. */
    private static Window[] windows(String[] w, int at) {
        int[] size = ints(w[at], 2);
        int[] stride = ints(w[at + 1].substring("stride=".length()), 2);
        int[] pad = ints(w[at + 2].substring("pad=".length()), 2);
        return new Window[] {new Window(size[0], stride[0], pad[0]), new Window(size[1], stride[1], pad[1])};
    }

    private static int[] ints(String text, int expected) {
        String[] parts = text.strip().split("x");
        if (parts.length < expected) {
            throw new IllegalArgumentException("expected " + expected + " numbers like 5x5, got '" + text + "'");
        }
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }
}
