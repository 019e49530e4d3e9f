package org.cnnlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.Network;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.pictures.FeatureMaps;

/**
 * One class score of a network and its gradient with respect to the values one layer makes (or the input
 * image itself): how much each of those numbers pushes that score up or down. This is the backward pass
 * training runs, but aimed at a picture instead of the weights.
 *
 * <p>How it is done with DJL: the values of the chosen layer are computed first without recording anything,
 * copied into a fresh array marked as requiring a gradient, and the rest of the network is run from there
 * inside a {@link GradientCollector}, in inference mode (dropout off, batch norm with its running statistics).
 * The copy is a leaf of the recorded graph, so PyTorch keeps its gradient. The network's own parameters are
 * taken out of the graph for that pass and put back afterwards: their gradients are what the next
 * training step reads, and an explanation must not leave anything there.
 */
final class Backprop {
    /**
     * The image (a copy), the values at the start layer {@code [channel][row][column]}, their gradient, all
     * class scores, and the class explained.
     */
    record Result(float[][][] input, float[][][] values, float[][][] gradient, float[] scores, int target) {
    }

    private Backprop() {}

    /**
     * Backpropagates class {@code target} (or the predicted class when {@code target} is negative) of
     * {@code net} for one image to the output of {@code from}, or to the image when {@code from} is null.
     */
    static Result run(Network net, float[][][] image, LayerInfo from, int target) {
        checkImage(image);
        try (NDManager m = net.djl().manager().newSubManager()) {
            NDList planes = new NDList();
            for (float[][] plane : image) {
                planes.add(m.create(plane));
            }
            NDArray x = NDArrays.stack(planes).expandDims(0);
            // Through the network's own entry points: they check the image's shape and explain a wrong one.
            NDArray start = x;
            if (from == null) {
                net.forward(x);
            } else {
                start = net.djl().activation(x, from.name());
            }
            NDArray leaf = start.duplicate();
            leaf.setRequiresGradient(true);
            List<NDArray> frozen = freezeParameters(net);
            try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                NDArray scores = runFrom(net, m, leaf, from == null ? 0 : from.index());
                float[] s = checkedScores(net, scores);
                int t = target < 0 ? Heatmap.argMax(s) : checkedTarget(target, s.length);
                collector.backward(scores.get(0, t));
                NDArray gradient = leaf.getGradient();
                return new Result(FeatureMaps.image(x), FeatureMaps.image(leaf), FeatureMaps.image(gradient), s, t);
            } finally {
                frozen.forEach(p -> p.setRequiresGradient(true));
            }
        }
    }

    /** Runs children {@code first}.. of the block (layer {@code first + 1} onwards) in inference mode. */
    private static NDArray runFrom(Network net, NDManager m, NDArray x, int first) {
        ParameterStore store = new ParameterStore(m, false);
        List<Block> children = net.djl().block().getChildren().values();
        NDArray out = x;
        for (int i = first; i < children.size(); i++) {
            out = children.get(i).forward(store, new NDList(out), false).singletonOrThrow();
        }
        return out;
    }

    /** Takes every parameter that records gradients out of the graph; returns them, to be put back. */
    private static List<NDArray> freezeParameters(Network net) {
        List<NDArray> frozen = new ArrayList<>();
        for (Pair<String, Parameter> p : net.djl().block().getParameters()) {
            if (p.getValue().isInitialized()) {
                NDArray a = p.getValue().getArray();
                if (a.hasGradient()) {
                    a.setRequiresGradient(false);
                    frozen.add(a);
                }
            }
        }
        return frozen;
    }

    private static float[] checkedScores(Network net, NDArray scores) {
        Shape s = scores.getShape();
        if (s.dimension() != 2 || s.get(0) != 1) {
            throw new IllegalArgumentException("Explaining an answer needs a network that ends in one score per "
                    + "class, shape (1, classes); this one ends in " + s + " (" + net.spec().outputShape() + ").\n"
                    + "How to fix it: end the network with .flatten().dense(classes).");
        }
        return scores.toFloatArray();
    }

    private static int checkedTarget(int target, int classes) {
        if (target >= classes) {
            throw new IllegalArgumentException("The class to explain must be a class index from 0 to "
                    + (classes - 1) + " (this network scores " + classes + " classes). Received: " + target
                    + ".\nHow to fix it: pass data.classNames().indexOf(\"Sneaker\") or a number in that range.");
        }
        return target;
    }

    private static void checkImage(float[][][] image) {
        if (image == null || image.length == 0 || image[0].length == 0 || image[0][0].length == 0) {
            throw new IllegalArgumentException("The image to explain is empty. Pass one image as "
                    + "[channel][row][column], e.g. data.test().image(0).");
        }
        for (int k = 0; k < image.length; k++) {
            for (int y = 0; y < image[k].length; y++) {
                if (image[k].length != image[0].length || image[k][y].length != image[0][0].length) {
                    throw new IllegalArgumentException("An image's channels and rows must all have the same size; "
                            + "channel " + k + ", row " + y + " has " + image[k][y].length + " values, row 0 of "
                            + "channel 0 has " + image[0][0].length + ". Received: a ragged array.");
                }
            }
        }
    }
}
