package org.cnnlab.model;

import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;

/**
 * Dropout (Srivastava et al., 2014): during training each number is zeroed with probability {@code rate}
 * and the rest are scaled up to keep the mean, so no unit can rely on another; at evaluation it does
 * nothing. AlexNet and VGG use it in their dense layers.
 */
public record DropoutLayer(double rate) implements Layer {

    public DropoutLayer {
        if (!(rate >= 0 && rate < 1)) {
            throw new GeometryException("dropout: the rate is the probability of zeroing a number, from 0 "
                    + "(keep all) up to but not including 1. Received: rate=" + rate + ".");
        }
    }

    @Override
    public String kind() {
        return "dropout";
    }

    @Override
    public String describe() {
        return "dropout " + rate;
    }

    @Override
    public Volume outputShape(Volume input, Where where) {
        return input;
    }

    @Override
    public String toText() {
        return "dropout " + rate;
    }
}
