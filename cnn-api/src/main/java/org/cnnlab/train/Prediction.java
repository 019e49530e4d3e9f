package org.cnnlab.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A network's answer for one image: a probability per class (the softmax of its raw scores,
 * {@code p_k = exp(s_k) / sum_j exp(s_j)}, which are positive and add up to 1) and the most probable
 * class. A probability near 1 means a confident answer, not necessarily a right one.
 */
public final class Prediction {
    private final float[] probabilities;
    private final List<String> classNames;

    Prediction(float[] probabilities, List<String> classNames) {
        this.probabilities = probabilities;
        this.classNames = classNames;
    }

    /**
     * What {@code net.predict(image)} does: the network's probabilities for one image given as
     * {@code [channel][row][column]} (as {@code ImageDataset.image(i)} returns it); {@code classNames} may be
     * null.
     */
    public static Prediction of(org.cnnlab.engine.DjlNetwork net, float[][][] image, List<String> classNames) {
        return Evaluator.predict(net, image, classNames);
    }

    /** One probability per class, summing to 1. */
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The index of the most probable class. */
    public int label() {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The probability of the predicted class. */
    public float probability() {
        return probabilities[label()];
    }

    /** The predicted class's name, or its index as text when the network was given no class names. */
    public String className() {
        return name(label());
    }

    @Override
    public String toString() {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < probabilities.length; k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble(k -> -probabilities[k]));
        StringBuilder b = new StringBuilder("Prediction: " + className());
        b.append(String.format(" (%.1f%%); next:", 100 * probability()));
        for (int i = 1; i < Math.min(3, order.size()); i++) {
            b.append(String.format(" %s %.1f%%", name(order.get(i)), 100 * probabilities[order.get(i)]));
        }
        return b.toString();
    }

    private String name(int k) {
        return classNames != null && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
    }
}
