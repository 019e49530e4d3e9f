package org.cnnlab.model;

import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;

/**
 * Global average pooling (Lin, Chen and Yan, 2013, "Network in network", arXiv:1312.4400): each feature
 * map, whatever its height and width, becomes one number, its mean. A volume of C x H x W becomes a flat
 * vector of C numbers, so a dense layer after it has the same weights for any image size. This is how
 * networks after VGG dropped most of its 123 million dense-layer parameters and became able to take
 * images of any size.
 */
public record GlobalAvgPoolLayer() implements Layer {

    @Override
    public String kind() {
        return "globalAvgPool";
    }

    @Override
    public String describe() {
        return "global average pool";
    }

    @Override
    public Volume outputShape(Volume input, Where where) {
        if (input.flat()) {
            throw new GeometryException(where.subject() + " receives a flat vector of " + input
                    + " numbers, but global average pooling averages each feature map (channels x height x width).\n"
                    + "How to fix it: put .globalAvgPool() right after the last conv or pool layer, with no "
                    + ".flatten() before it.");
        }
        return Volume.vector(input.channels());
    }

    @Override
    public String toText() {
        return "globalAvgPool";
    }
}
