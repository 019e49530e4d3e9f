package org.cnnlab.model;

import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;

/**
 * One layer of a network as a course draws it. Each kind knows its own arithmetic: what volume it makes
 * from its input, how many parameters it learns and how many multiply-adds one image costs.
 */
public sealed interface Layer permits ConvLayer, PoolLayer, ActivationLayer, BatchNormLayer, DropoutLayer,
        FlattenLayer, DenseLayer, GlobalAvgPoolLayer {

    /** The short kind used for automatic names and the saved description: {@code conv}, {@code maxPool}… */
    String kind();

    /** How a student would say it: {@code conv 5x5, 6 filters, pad 2}. */
    String describe();

    /**
     * The volume this layer makes from {@code input}.
     *
     * @throws org.cnnlab.geometry.GeometryException when the layer cannot take that input; the message names
     *     the layer through {@code where} and says how to fix it.
     */
    Volume outputShape(Volume input, Where where);

    /** Learned numbers (weights and biases) for this input; 0 for layers that learn nothing. */
    default long parameterCount(Volume input) {
        return 0;
    }

    /** Multiply-add operations for one image; 0 where a layer only compares or copies. */
    default long multiplyAdds(Volume input, Volume output) {
        return 0;
    }

    /** One line of the saved network description; {@link ModelText} parses it back. */
    String toText();
}
