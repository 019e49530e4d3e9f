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
        for (int i = 0; i < spec.layers().size(); i++) {
            String name = spec.givenNames().get(i);
            b.append(name == null ? "" : name + ": ").append(spec.layers().get(i).toText()).append('\n');
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
        List<String> names = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            try {
                String[] words = lines[i].strip().split("\\s+");
                boolean named = words[0].endsWith(":");
                names.add(named ? words[0].substring(0, words[0].length() - 1) : null);
                layers.add(layer(named ? java.util.Arrays.copyOfRange(words, 1, words.length) : words));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of the network description, '" + lines[i]
                        + "', cannot be read: " + e.getMessage(), e);
            }
        }
        return new ModelSpec(Volume.of(in[0], in[1], in[2]), layers, names);
    }

    private static Layer layer(String[] w) {
        switch (w[0]) {
            case "conv": {
                Window[] hw = windows(w, 2);
                int groups = 1;
                for (int k = 5; k < w.length; k++) {
                    groups = w[k].startsWith("groups=") ? Integer.parseInt(w[k].substring("groups=".length())) : groups;
                }
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
            case "globalAvgPool":
                return new GlobalAvgPoolLayer();
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
        boolean floor = java.util.Arrays.asList(w).contains("floor");
        return new Window[] {new Window(size[0], stride[0], pad[0], floor), new Window(size[1], stride[1], pad[1], floor)};
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
