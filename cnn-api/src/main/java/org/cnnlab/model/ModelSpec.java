package org.cnnlab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
    private final List<LayerInfo> infos;

    public ModelSpec(Volume input, List<Layer> layers) {
        this.input = input;
        this.layers = List.copyOf(layers);
        this.infos = Collections.unmodifiableList(walk(input, this.layers));
    }

    public Volume input() {
        return input;
    }

    public List<Layer> layers() {
        return layers;
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
        return o instanceof ModelSpec && ((ModelSpec) o).input.equals(input) && ((ModelSpec) o).layers.equals(layers);
    }

    @Override
    public int hashCode() {
        return input.hashCode() * 31 + layers.hashCode();
    }

    @Override
    public String toString() {
        return toText();
    }

    private static List<LayerInfo> walk(Volume input, List<Layer> layers) {
        List<LayerInfo> out = new ArrayList<>();
        Map<String, Integer> counters = new HashMap<>();
        Volume shape = input;
        int rfH = 1;
        int rfW = 1;
        int jumpH = 1;
        int jumpW = 1;
        boolean global = false;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String name = nameOf(layer, counters);
            Where where = new Where(name + " (layer " + (i + 1) + ": " + layer.describe() + ")", "", false);
            Volume next = layer.outputShape(shape, where);
            Window[] windows = windows(layer);
            if (windows != null) {
                rfH += (windows[0].size() - 1) * jumpH;
                rfW += (windows[1].size() - 1) * jumpW;
                jumpH *= windows[0].stride();
                jumpW *= windows[1].stride();
            }
            global |= layer instanceof DenseLayer;
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

    /** conv1, conv2…, pool1 (max and average alike), relu1, dense1…: what a course's diagrams call them. */
    private static String nameOf(Layer layer, Map<String, Integer> counters) {
        String base = layer instanceof PoolLayer ? "pool" : layer.kind();
        int n = counters.merge(base, 1, Integer::sum);
        return base + n;
    }
}
