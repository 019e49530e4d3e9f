package org.cnnlab.model;

import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.SizeRule;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;
import org.cnnlab.geometry.Window;

/**
 * A convolution: {@code filters} learned filters, each {@code height x width x depth} where the depth is
 * the input's channel count, slid over the input with a stride and zero padding. Each filter produces one
 * feature map, so the output has as many channels as there are filters.
 *
 * <p>With {@code groups > 1} the input channels are split into groups and each filter sees only its group,
 * as AlexNet's two GPUs did (Krizhevsky et al., 2012): fewer parameters for the same output shape.
 */
public record ConvLayer(int filters, Window height, Window width, int groups) implements Layer {

    public ConvLayer {
        if (filters <= 0) {
            throw new GeometryException("conv: the number of filters must be 1 or more. Received: filters="
                    + filters + ".");
        }
        if (height.size() <= 0 || width.size() <= 0) {
            throw new GeometryException("conv: the filter size must be 1 or more. Received: size="
                    + height.size() + "x" + width.size() + ".");
        }
        if (groups <= 0 || filters % groups != 0) {
            throw new GeometryException("conv: groups must be 1 or more and divide the " + filters
                    + " filters. Received: groups=" + groups + ".");
        }
    }

    @Override
    public String kind() {
        return "conv";
    }

    @Override
    public String describe() {
        return "conv " + LayerText.size(height, width) + ", " + filters + (filters == 1 ? " filter" : " filters")
                + LayerText.strideAndPad(height, width) + (groups > 1 ? ", " + groups + " groups" : "");
    }

    @Override
    public Volume outputShape(Volume input, Where where) {
        if (input.flat()) {
            throw new GeometryException(where.subject() + " receives a flat vector of " + input
                    + " numbers, but a convolution slides over maps (channels x height x width).\n"
                    + "How to fix it: put .flatten() after the last conv or pool layer, not before it.");
        }
        if (input.channels() % groups != 0) {
            throw new GeometryException(where.subject() + " splits its " + input.channels()
                    + " input channels into " + groups + " groups, which does not divide evenly.\n"
                    + "How to fix it: use a number of groups that divides " + input.channels() + ".");
        }
        Where w = where.withPool(false);
        int h = SizeRule.outputSize(input.height(), height, w.along(LayerText.axis(input, height, width, "height")));
        int wd = SizeRule.outputSize(input.width(), width, w.along("width"));
        return Volume.of(filters, h, wd);
    }

    /** Each filter has (input channels / groups) x height x width weights plus one bias. */
    @Override
    public long parameterCount(Volume input) {
        return (long) filters * ((long) input.channels() / groups * height.size() * width.size() + 1);
    }

    @Override
    public long multiplyAdds(Volume input, Volume output) {
        return output.size() * ((long) input.channels() / groups * height.size() * width.size());
    }

    @Override
    public String toText() {
        return "conv " + filters + " " + LayerText.windows(height, width) + (groups > 1 ? " groups=" + groups : "");
    }
}
