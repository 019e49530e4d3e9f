package org.cnnlab.model;

import java.util.List;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;

/**
 * Whether a network built for one image size can run, with the same learned weights, on another. A
 * convolution's weights do not depend on the image size (the same 3x3 filter slides over 28x28 or 56x56),
 * nor do pooling or global average pooling; a dense layer has one weight per input number, so the size of
 * what it receives is fixed when it is built. The answer is either the description for the new size or an
 * explained refusal.
 */
final class OtherInputSize {
    private OtherInputSize() {}

    static ModelSpec check(ModelSpec built, Volume newInput) {
        ModelSpec resized;
        try {
            resized = new ModelSpec(newInput, built.layers(), built.givenNames());
        } catch (GeometryException e) {
            throw new GeometryException(intro(built, newInput) + e.getMessage());
        }
        List<LayerInfo> before = built.infos();
        List<LayerInfo> after = resized.infos();
        for (int i = 0; i < before.size(); i++) {
            LayerInfo was = before.get(i);
            LayerInfo now = after.get(i);
            if (now.layer() instanceof DenseLayer && !was.input().equals(now.input())) {
                throw new GeometryException(intro(built, newInput) + denseRefusal(was, now, flattened(before, i),
                        flattened(after, i)));
            }
            if (was.parameters() != now.parameters()) {
                throw new GeometryException(intro(built, newInput) + was.name() + " (layer " + was.index() + ": "
                        + was.layer().describe() + ") was built for " + was.input().channels() + " input channels and "
                        + "learned " + String.format("%,d", was.parameters()) + " numbers for them; here it would "
                        + "receive " + now.input().channels() + ".\nHow to fix it: give images of "
                        + built.input().channels() + " channels (1 for grey, 3 for colour).");
            }
        }
        return resized;
    }

    private static String intro(ModelSpec built, Volume newInput) {
        return "This network was built for images of " + built.input() + " and cannot take " + newInput
                + " (channels x height x width) with the same weights.\n";
    }

    /** The dense layer's input changed: it learned one weight per number of the size it was built for. */
    private static String denseRefusal(LayerInfo was, LayerInfo now, LayerInfo flatWas, LayerInfo flatNow) {
        String from = flatNow == null ? "" : " (" + flatNow.name() + " lays out " + flatNow.input() + " instead of "
                + flatWas.input() + ")";
        return was.name() + " (layer " + was.index() + ": " + was.layer().describe() + ") is fully connected: it "
                + "learned one weight per input number for the " + String.format("%,d", was.input().size())
                + " numbers it was built for, and these images give it " + String.format("%,d", now.input().size())
                + from + ".\nA convolution works whatever the size of the image; a dense layer does not.\n"
                + "How to fix it (any one):\n"
                + "  - resize the images to the size the network was built for\n"
                + "  - end the convolutions with .globalAvgPool() instead of .flatten(): one number per feature "
                + "map, whatever the size, so the dense layers after it keep their weights";
    }

    /** The layer that laid the maps out flat before dense layer {@code i}, or null. */
    private static LayerInfo flattened(List<LayerInfo> infos, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (infos.get(k).layer() instanceof FlattenLayer) {
                return infos.get(k);
            }
        }
        return null;
    }
}
