package org.cnnlab.model;

import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;

/**
 * A dense (fully connected) layer: every output unit is a weighted sum of every input number plus a bias,
 * so it needs inputs x units + units parameters. Dense layers take a flat vector, which is why a CNN
 * flattens its last feature maps before them.
 */
public record DenseLayer(int units) implements Layer {

    public DenseLayer {
        if (units <= 0) {
            throw new GeometryException("dense: the number of units must be 1 or more. Received: units="
                    + units + ".");
        }
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    public String describe() {
        return "dense " + units + (units == 1 ? " unit" : " units");
    }

    @Override
    public Volume outputShape(Volume input, Where where) {
        if (!input.flat()) {
            throw new GeometryException(where.subject() + " receives a " + input
                    + " volume, but a dense layer takes a flat vector.\n"
                    + "How to fix it: add .flatten() before .dense(" + units + "); it would give "
                    + input.size() + " inputs and " + (input.size() * units + units) + " parameters.");
        }
        return Volume.vector(units);
    }

    @Override
    public long parameterCount(Volume input) {
        return input.size() * units + units;
    }

    @Override
    public long multiplyAdds(Volume input, Volume output) {
        return input.size() * units;
    }

    @Override
    public String toText() {
        return "dense " + units;
    }
}
