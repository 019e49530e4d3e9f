package org.cnnlab.model;

import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.SizeRule;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Where;
import org.cnnlab.geometry.Window;

/**
 * Pooling: a window slid over each feature map separately, keeping the largest value (max pooling) or the
 * mean (average pooling). It shrinks height and width, keeps the number of channels and learns nothing.
 * By default the stride equals the window size, so windows tile the map without overlapping.
 */
public record PoolLayer(Kind type, Window height, Window width) implements Layer {

    /**
     * Which value of each window survives, in a network and by hand alike. Max pooling keeps the strongest
     * response (was the feature anywhere in this patch?); average pooling keeps the mean (how much of it is
     * there?). Max pooling is the usual choice inside CNNs since AlexNet; LeNet-5 averaged.
     */
    public enum Kind {
        MAX("maxPool", "max pool", "Pool.max", "max"),
        AVERAGE("avgPool", "average pool", "Pool.average", "average");

        private final String kind;
        private final String words;
        private final String call;
        private final String word;

        Kind(String kind, String words, String call, String word) {
            this.kind = kind;
            this.words = words;
            this.call = call;
            this.word = word;
        }

        /** {@code Pool.max}: the call that pools this way by hand. */
        public String call() {
            return call;
        }

        /** {@code max} or {@code average}. */
        public String word() {
            return word;
        }
    }

    public PoolLayer {
        if (height.size() <= 0 || width.size() <= 0) {
            throw new GeometryException(type.kind + ": the window size must be 1 or more. Received: size="
                    + height.size() + "x" + width.size() + ".");
        }
    }

    @Override
    public String kind() {
        return type.kind;
    }

    @Override
    public String describe() {
        return type.words + " " + LayerText.size(height, width) + LayerText.strideAndPad(height, width);
    }

    @Override
    public Volume outputShape(Volume input, Where where) {
        if (input.flat()) {
            throw new GeometryException(where.subject() + " receives a flat vector of " + input
                    + " numbers, but pooling slides over maps (channels x height x width).\n"
                    + "How to fix it: put .flatten() after the last pooling layer, not before it.");
        }
        Where w = where.withPool(true);
        int h = SizeRule.outputSize(input.height(), height, w.along(LayerText.axis(input, height, width, "height")));
        int wd = SizeRule.outputSize(input.width(), width, w.along("width"));
        return Volume.of(input.channels(), h, wd);
    }

    @Override
    public String toText() {
        return type.kind + " " + LayerText.windows(height, width);
    }
}
