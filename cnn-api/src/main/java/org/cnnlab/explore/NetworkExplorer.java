package org.cnnlab.explore;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.Network;
import org.cnnlab.geometry.Sliding;
import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Window;
import org.cnnlab.model.ConvLayer;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.PoolLayer;
import org.cnnlab.pictures.FeatureMaps;
import org.cnnlab.pictures.FilterPicture;
import org.cnnlab.render.MimeBundle;

/**
 * Builds the network explorer: one image run through a built network (trained or not), every layer's maps
 * with their shapes, each conv layer's filters and biases, each pooling layer's window. The page shows the
 * maps as strips from the input to the last map layer (edges first, larger shapes deeper); a click on a map
 * shows the filter(s) that made it and the input maps they read, and a hover writes out the numbers at that
 * position. Layers after {@code flatten()} are listed with their shapes.
 */
final class NetworkExplorer {
    private NetworkExplorer() {}

    static Explorer of(Network net, float[][][] image) {
        Volume in = net.spec().input();
        if (image == null || image.length != in.channels() || image[0].length != in.height()
                || image[0][0].length != in.width()) {
            String got = image == null ? "null" : image.length + " x " + (image.length > 0 ? image[0].length : 0)
                    + " x " + (image.length > 0 && image[0].length > 0 ? image[0][0].length : 0);
            throw new IllegalArgumentException("This network takes an image of " + in + " (channels x height x width). "
                    + "Received: " + got + ". Pass one image as [channel][row][col], e.g. data.test().image(0).");
        }
        List<String> mapLayers = new ArrayList<>();
        for (LayerInfo info : net.spec().infos()) {
            if (!info.output().flat()) {
                mapLayers.add(info.name());
            }
        }
        FeatureMaps maps = net.featureMaps(image, mapLayers.toArray(String[]::new));
        List<String> layers = new ArrayList<>();
        layers.add(Json.object().put("name", "input").put("kind", "input").put("shape", shape(in))
                .put("what", "the image").putRaw("maps", Json.array(maps.input())).end());
        int from = 0;
        for (LayerInfo info : net.spec().infos()) {
            Json j = Json.object().put("name", info.name()).put("index", info.index()).put("shape", shape(info.output()))
                    .put("what", info.layer().describe()).put("rf", info.receptiveField());
            if (info.output().flat()) {
                layers.add(j.put("kind", "flat").end());
                continue;
            }
            j.put("from", from).putRaw("maps", Json.array(maps.maps(info.name())));
            if (info.layer() instanceof ConvLayer c) {
                windows(j, info, c.height(), c.width(), false);
            } else if (info.layer() instanceof PoolLayer p) {
                windows(j, info, p.height(), p.width(), true);
            }
            if (info.layer() instanceof ConvLayer c) {
                FilterPicture f = net.filters(info.name());
                List<String> filters = new ArrayList<>();
                for (float[][][] w : f.weights()) {
                    filters.add(Json.array(w));
                }
                j.put("kind", "conv").put("F", c.height().size()).put("Fw", c.width().size())
                        .putRaw("weights", Json.list(filters)).putRaw("bias", Json.array(f.bias()));
            } else if (info.layer() instanceof PoolLayer p) {
                j.put("kind", p.type() == PoolLayer.Kind.MAX ? "max" : "average").put("F", p.height().size())
                        .put("Fw", p.width().size());
            } else {
                j.put("kind", "map");
            }
            layers.add(j.end());
            from = layers.size() - 1;
        }
        String data = Json.object().put("kind", "network")
                .put("title", "Network " + in + " \u2192 " + net.spec().outputShape() + ": every layer's maps for one image")
                .putRaw("layers", Json.list(layers)).end();
        MimeBundle still = net.featureMaps(image).toMimeBundle();
        String text = "Network explorer: " + net.spec().infos().size() + " layers, input " + in
                + " (click a map to see the filters that made it; hover it for the numbers)";
        String fallback = "<img alt=\"" + text.replace("\"", "'") + "\" style=\"max-width:100%\" src=\"data:image/png;base64,"
                + still.get(MimeBundle.PNG) + "\">";
        return new Explorer(text, Page.html("network.js", data, fallback), still.png(),
                ConvExplorer.size(still, "width"), ConvExplorer.size(still, "height"));
    }

    /** Where the layer's window stands for each output row and column, as the geometry walker says. */
    private static void windows(Json j, LayerInfo info, Window h, Window w, boolean pool) {
        Volume in = info.input();
        Sliding rows = new Sliding(in.height(), in.width(), h.size(), w.size(), h.stride(), h.pad(), true, info.name(), pool);
        Sliding cols = new Sliding(in.height(), in.width(), h.size(), w.size(), w.stride(), w.pad(), true, info.name(), pool);
        int[] tops = new int[info.output().height()];
        int[] lefts = new int[info.output().width()];
        for (int i = 0; i < tops.length; i++) {
            tops[i] = rows.top(i);
        }
        for (int k = 0; k < lefts.length; k++) {
            lefts[k] = cols.left(k);
        }
        j.putRaw("tops", Json.array(tops)).putRaw("lefts", Json.array(lefts));
    }

    /** {@code 6×28×28}, or {@code 120} for a flat vector: as the lecture writes volumes. */
    private static String shape(Volume v) {
        return v.flat() ? Integer.toString(v.channels()) : v.channels() + "\u00d7" + v.height() + "\u00d7" + v.width();
    }
}
