package org.cnnlab.explore;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.handconv.PoolByHand;
import org.cnnlab.model.PoolLayer.Kind;
import org.cnnlab.render.MimeBundle;

/**
 * Builds the pooling explorer: the learner's own map(s), every output cell's window and value for each
 * window size, stride and padding on offer, computed by {@link PoolByHand} and embedded. Hovering a cell
 * shows which input won a max, or the sum and count of an average.
 */
final class PoolExplorer {
    private PoolExplorer() {}

    static Explorer of(PoolByHand<?> pool) {
        double[][][] image = pool.input();
        long numbers = (long) image.length * image[0].length * image[0][0].length;
        List<Integer> sizes = new ArrayList<>();
        for (int f = 2; f <= Math.min(4, Math.min(image[0].length, image[0][0].length)); f++) {
            sizes.add(f);
        }
        if (!sizes.contains(pool.size())) {
            sizes.add(pool.size());
            sizes.sort(null);
        }
        int widest = sizes.get(sizes.size() - 1);
        List<Integer> strides = Slides.strides(Math.max(pool.stride(), widest), numbers);
        List<Integer> pads = new ArrayList<>();
        for (int p = 0; p <= Math.max(pool.pad(), 1); p++) {
            pads.add(p);
        }
        List<String> settings = new ArrayList<>();
        for (int f : sizes) {
            PoolByHand<double[][][]> base = PoolByHand.of(pool.kind(), image, f);
            for (int s : strides) {
                for (int p : pads) {
                    PoolByHand<?> at = base.stride(s).pad(p);
                    settings.add(Slides.setting(at.sliding(), Slides.valuesOrNull(() -> at.floored().values())));
                }
            }
        }
        String kind = pool.kind() == Kind.MAX ? "max" : "average";
        String data = Json.object().put("kind", kind)
                .put("title", pool.kind().word().substring(0, 1).toUpperCase() + pool.kind().word().substring(1)
                        + " pooling of a " + image[0].length + "\u00d7" + image[0][0].length
                        + (image.length > 1 ? "\u00d7" + image.length : "") + " input")
                .putRaw("input", Json.array(image))
                .putRaw("sizes", Json.array(sizes.stream().mapToInt(Integer::intValue).toArray()))
                .putRaw("strides", Json.array(strides.stream().mapToInt(Integer::intValue).toArray()))
                .putRaw("pads", Json.array(pads.stream().mapToInt(Integer::intValue).toArray()))
                .putRaw("start", Json.object().put("F", pool.size()).put("S", pool.stride()).put("P", pool.pad()).end())
                .putRaw("settings", Json.list(settings)).end();
        MimeBundle still = pool.picture().toMimeBundle();
        String text = "Pooling explorer: " + pool.sliding().subject()
                + " (hover or step through the output cells; window, stride and padding controls)\n" + pool;
        return new Explorer(text, Page.html("slide.js", data, still.get(MimeBundle.HTML)), still.png(),
                ConvExplorer.size(still, "width"), ConvExplorer.size(still, "height"));
    }
}
