package org.cnnlab.model;

import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;

/**
 * A non-linearity applied to every number separately. Without one between them, stacked linear layers
 * collapse into a single linear map. ReLU, max(0, x), is the default of modern CNNs; sigmoid and tanh are
 * what LeNet-era networks used, and they saturate, which slows training.
 */
public record ActivationLayer(Kind function) implements Layer {

    /** The function applied. */
    public enum Kind {
        RELU("relu"),
        SIGMOID("sigmoid"),
        TANH("tanh");

        private final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    @Override
    public String kind() {
        return function.word;
    }

    @Override
    public String describe() {
        return function.word;
    }

    @Override
    public Volume outputShape(Volume input, Where where) {
        return input;
    }

    @Override
    public String toText() {
        return function.word;
    }
}
