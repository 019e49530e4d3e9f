package org.cnnlab.explore;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.handconv.ConvByHand;
import org.cnnlab.render.MimeBundle;

/**
 * Builds the convolution explorer: the learner's own image and filter(s), every output cell's window and
 * value for each stride and padding on offer (and each filter size, when the filter came from a generator),
 * all computed by {@link ConvByHand} and embedded; the page multiplies and adds in front of the learner and
 * shows the formula with the real numbers, including the settings that do not fit.
 */
final class ConvExplorer {
    private ConvExplorer() {}

    /**
     * @param bySize the same convolution with each filter size on offer (one entry when the filter was given)
     * @param start  which of them to show first
     */
    static Explorer of(List<ConvByHand<?>> bySize, int start) {
        ConvByHand<?> first = bySize.get(start);
        double[][][] image = first.input();
        long numbers = (long) image.length * image[0].length * image[0][0].length * first.weights().length;
        List<String> settings = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> strides = Slides.strides(first.stride(), numbers);
        int widest = 0;
        for (ConvByHand<?> c : bySize) {
            int f = c.weights()[0][0].length;
            sizes.add(f);
            widest = Math.max(widest, f);
            filters.add(Json.list(java.util.Arrays.stream(c.weights()).map(Json::array).toList()));
        }
        List<Integer> pads = Slides.pads(first.pad(), widest, numbers);
        for (ConvByHand<?> c : bySize) {
            for (int s : strides) {
                for (int p : pads) {
                    ConvByHand<?> at = c.stride(s).pad(p);
                    settings.add(Slides.setting(at.sliding(), Slides.valuesOrNull(() -> at.floored().values())));
                }
            }
        }
        String data = Json.object().put("kind", "conv").put("title", title(first))
                .putRaw("input", Json.array(image)).putRaw("bias", Json.array(first.biases()))
                .put("bank", first.isBank())
                .putRaw("sizes", Json.array(sizes.stream().mapToInt(Integer::intValue).toArray()))
                .putRaw("filters", Json.list(filters))
                .putRaw("strides", Json.array(strides.stream().mapToInt(Integer::intValue).toArray()))
                .putRaw("pads", Json.array(pads.stream().mapToInt(Integer::intValue).toArray()))
                .putRaw("start", Json.object().put("F", sizes.get(start)).put("S", first.stride())
                        .put("P", first.pad()).end())
                .putRaw("settings", Json.list(settings)).end();
        MimeBundle still = first.picture().toMimeBundle();
        String text = "Convolution explorer: " + first.sliding().subject()
                + " (hover or step through the output cells; stride and padding controls)\n" + first;
        return new Explorer(text, Page.html("slide.js", data, still.get(MimeBundle.HTML)), still.png(),
                size(still, "width"), size(still, "height"));
    }

    private static String title(ConvByHand<?> c) {
        double[][][] img = c.input();
        int filters = c.weights().length;
        double[][][] k = c.weights()[0];
        return "Convolution of a " + img[0].length + "\u00d7" + img[0][0].length
                + (img.length > 1 ? "\u00d7" + img.length : "") + " input with "
                + (filters > 1 ? filters + " filters of " : "a filter of ") + k[0].length + "\u00d7" + k[0][0].length
                + (k.length > 1 ? "\u00d7" + k.length : "");
    }

    @SuppressWarnings("unchecked")
    static int size(MimeBundle b, String key) {
        Object m = b.metadata().get(MimeBundle.PNG);
        return m instanceof java.util.Map<?, ?> map ? ((Number) ((java.util.Map<String, Object>) map).get(key)).intValue() : 0;
    }
}
