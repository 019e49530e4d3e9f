package org.cnnlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;
import org.cnnlab.geometry.Window;

/**
 * A network's description: the input volume and the layers in order. From it follow every shape, count and
 * name, computed once when it is made, so that a description that exists is one whose geometry works.
 *
 * @throws org.cnnlab.geometry.GeometryException from the constructor when a layer cannot take what the
 *     layer before it makes
 */
public final class ModelSpec {
    private final Volume input;
    private final List<Layer> layers;
    private final List<String> names;
    private final List<LayerInfo> infos;

    /** Layers named automatically: conv1, conv2…, pool1…, dense1… */
    public ModelSpec(Volume input, List<Layer> layers) {
        this(input, layers, Collections.nCopies(layers.size(), null));
    }

    /**
     * Layers with given names where {@code names} has one ({@code conv1_1}, {@code fc6}: what a paper calls
     * them) and automatic ones where it holds null.
     *
     * @throws IllegalArgumentException when two layers would have the same name
     */
    public ModelSpec(Volume input, List<Layer> layers, List<String> names) {
        if (names.size() != layers.size()) {
            throw new IllegalArgumentException("one name (or null) per layer: " + layers.size() + " layers, "
                    + names.size() + " names");
        }
        this.input = input;
        this.layers = List.copyOf(layers);
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.infos = Collections.unmodifiableList(walk(input, this.layers, names(this.layers, this.names)));
    }

    public Volume input() {
        return input;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The names given to layers, null where the name is automatic; {@link #infos()} has every name. */
    public List<String> givenNames() {
        return names;
    }

    /**
     * The same layers, with the same learned parameters, on images of {@code newInput}: what running a built
     * network on an image of another size computes. Convolutions and pooling slide over any size that fits
     * them; a dense layer has one weight per input number and pins the size.
     *
     * @throws GeometryException naming the first layer that cannot take the new size, or the dense (or
     *     conv) layer whose weights would have to change, with how to fix it
     */
    public ModelSpec forInput(Volume newInput) {
        return newInput.equals(input) ? this : OtherInputSize.check(this, newInput);
    }

    /** The first {@code count} layers alone: what running a network up to one of its layers computes. */
    public ModelSpec firstLayers(int count) {
        return count == layers.size() ? this
                : new ModelSpec(input, layers.subList(0, count), names.subList(0, count));
    }

    /** {@link #forInput(Volume)} for images of {@code channels x height x width}. */
    public ModelSpec forInput(int channels, int height, int width) {
        return forInput(Volume.of(channels, height, width));
    }

    /** The summary table of this description (see {@link Summary}). */
    public tech.tablesaw.api.Table summary() {
        return Summary.of(this, "summary for " + input);
    }

    /** One entry per layer, in order: names, shapes, counts. */
    public List<LayerInfo> infos() {
        return infos;
    }

    /** The layer called {@code name} ({@code conv1}, {@code dense2}…), or an error listing the names there are. */
    public LayerInfo layer(String name) {
        for (LayerInfo info : infos) {
            if (info.name().equals(name)) {
                return info;
            }
        }
        throw new IllegalArgumentException("This network has no layer named '" + name + "'. Its layers are: "
                + String.join(", ", infos.stream().map(LayerInfo::name).toList()) + ".");
    }

    /** The layer at 1-based {@code index}, as the summary numbers them. */
    public LayerInfo layer(int index) {
        if (index < 1 || index > infos.size()) {
            throw new IllegalArgumentException("Layer numbers go from 1 to " + infos.size() + ". Received: "
                    + index + ".");
        }
        return infos.get(index - 1);
    }

    public Volume outputShape() {
        return infos.isEmpty() ? input : infos.get(infos.size() - 1).output();
    }

    /** Learned numbers in all layers. */
    public long parameterCount() {
        return infos.stream().mapToLong(LayerInfo::parameters).sum();
    }

    /** Multiply-adds for one image through the whole network. */
    public long multiplyAdds() {
        return infos.stream().mapToLong(LayerInfo::multiplyAdds).sum();
    }

    /** The description as text that {@link ModelText#parse} reads back into an equal spec. */
    public String toText() {
        return ModelText.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec && ((ModelSpec) o).input.equals(input) && ((ModelSpec) o).layers.equals(layers)
                && ((ModelSpec) o).names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, layers, names);
    }

    @Override
    public String toString() {
        return toText();
    }

    private static List<LayerInfo> walk(Volume input, List<Layer> layers, String[] names) {
        List<LayerInfo> out = new ArrayList<>();
        Volume shape = input;
        int rfH = 1;
        int rfW = 1;
        int jumpH = 1;
        int jumpW = 1;
        boolean global = false;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String name = names[i];
            Where where = new Where(name + " (layer " + (i + 1) + ": " + layer.describe() + ")", "", false);
            Volume next = layer.outputShape(shape, where);
            Window[] windows = windows(layer);
            if (windows != null) {
                rfH += (windows[0].size() - 1) * jumpH;
                rfW += (windows[1].size() - 1) * jumpW;
                jumpH *= windows[0].stride();
                jumpW *= windows[1].stride();
            }
            global |= layer instanceof DenseLayer || layer instanceof GlobalAvgPoolLayer;
            OptionalLong fc = layer instanceof ConvLayer || layer instanceof DenseLayer
                    ? OptionalLong.of(shape.size() * next.size() + next.size()) : OptionalLong.empty();
            out.add(new LayerInfo(i + 1, name, layer, shape, next, layer.parameterCount(shape),
                    layer.multiplyAdds(shape, next), global ? "whole input" : rfH + "x" + rfW, fc));
            shape = next;
        }
        return out;
    }

    private static Window[] windows(Layer layer) {
        if (layer instanceof ConvLayer) {
            return new Window[] {((ConvLayer) layer).height(), ((ConvLayer) layer).width()};
        }
        if (layer instanceof PoolLayer) {
            return new Window[] {((PoolLayer) layer).height(), ((PoolLayer) layer).width()};
        }
        return null;
    }

    /**
     * Every layer's name: the given one, else conv1, conv2…, pool1 (max and average alike), relu1,
     * dense1…: what a course's diagrams call them. Automatic names count only automatically named layers.
     */
    private static String[] names(List<Layer> layers, List<String> given) {
        Map<String, Integer> counters = new HashMap<>();
        String[] out = new String[layers.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            Layer layer = layers.get(i);
            String base = layer instanceof PoolLayer ? "pool" : layer.kind();
            out[i] = given.get(i) != null ? given.get(i) : base + counters.merge(base, 1, Integer::sum);
            if (!seen.add(out[i])) {
                int first = Arrays.asList(out).indexOf(out[i]) + 1;
                throw new IllegalArgumentException("Two layers are named '" + out[i] + "': layer " + first
                        + " and layer " + (i + 1) + " (" + layer.describe() + "). Received names: "
                        + given + ".\nHow to fix it: give each layer its own name with .name(...).");
            }
        }
        return out;
    }
}
