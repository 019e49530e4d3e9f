package org.cnnlab.model;

import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;

/**
 * Lays a volume of C x H x W out as one vector of C*H*W numbers so dense layers can take it. This is where
 * a network gives up the spatial layout that its convolutions kept.
 */
public record FlattenLayer() implements Layer {

    @Override
    public String kind() {
        return "flatten";
    }

    @Override
    public String describe() {
        return "flatten";
    }

    @Override
    public Volume outputShape(Volume input, Where where) {
        return input.flatten();
    }

    @Override
    public String toText() {
        return "flatten";
    }
}
