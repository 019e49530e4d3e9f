package org.cnnlab.pictures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cnnlab.geometry.Volume;
import org.cnnlab.model.ConvLayer;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;

/**
 * What one image becomes inside a network: the feature maps of one layer (six 5x5 filters over a 28x28
 * digit give six 28x28 maps, one per filter), or a tour through several layers, from the edges the first
 * layer finds to the larger shapes deeper layers respond to. {@link #maps()} gives the numbers themselves.
 *
 * <p>Made by {@code net.featureMaps(image, "conv1")}. Immutable: the options return a new picture.
 */
public final class FeatureMaps extends Picture {
    private final float[][][] input;
    private final List<LayerInfo> layers;
    private final List<float[][][]> maps;
    private final List<float[][][][]> filters;
    private boolean withFilters;
    private boolean global;
    private ColorMap colors;
    private int maxMaps;
    private TileGrid grid;

    private FeatureMaps(float[][][] input, List<LayerInfo> layers, List<float[][][]> maps, List<float[][][][]> filters) {
        this.input = input;
        this.layers = layers;
        this.maps = maps;
        this.filters = filters;
    }

    /**
     * Runs {@code image} {@code [channel][row][column]} through a built block and keeps the maps of
     * {@code layerNames} (every conv layer when none are named). {@code activations} runs the block and
     * returns every layer's output, as {@code net.djl().activations} does; arrays are made in {@code manager}
     * and may be closed with it afterwards: the picture keeps only Java arrays.
     */
    public static FeatureMaps of(ModelSpec spec, SequentialBlock block, NDManager manager, float[][][] image,
            Function<NDArray, List<NDArray>> activations, String... layerNames) {
        List<LayerInfo> chosen = choose(spec, layerNames);
        Volume in = spec.input();
        if (image.length == 0 || image[0].length == 0) {
            throw new IllegalArgumentException("The image is empty; this network takes " + in + ".");
        }
        NDArray x = manager.create(NetworkData.flat(image), new Shape(image.length, image[0].length, image[0][0].length));
        List<NDArray> all = activations.apply(x);
        List<float[][][]> maps = new ArrayList<>();
        List<float[][][][]> filters = new ArrayList<>();
        for (LayerInfo info : chosen) {
            maps.add(NetworkData.chw(all.get(info.index() - 1)));
            filters.add(info.layer() instanceof ConvLayer ? NetworkData.weights(block, info) : null);
        }
        return new FeatureMaps(NetworkData.chw(NetworkData.flat(image), image.length, image[0].length,
                image[0][0].length), List.copyOf(chosen), List.copyOf(maps), filters);
    }

    /** One image as {@code [channel][row][column]}, from an array shaped (H, W), (C, H, W) or (1, C, H, W). */
    public static float[][][] image(NDArray image) {
        return NetworkData.chw(image);
    }

    /** Each map drawn next to the filter that made it (one conv layer only). */
    public FeatureMaps withFilters() {
        if (layers.size() != 1 || filters.get(0) == null) {
            throw new IllegalStateException("withFilters() pairs each map with the filter that made it, so it needs "
                    + "exactly one conv layer; this picture shows " + names() + ". Make it with "
                    + "net.featureMaps(image, \"conv1\").withFilters().");
        }
        FeatureMaps f = copy();
        f.withFilters = true;
        return f;
    }

    /** One colour scale for all maps (default: each map its own, so faint maps still show their pattern). */
    public FeatureMaps global() {
        FeatureMaps f = copy();
        f.global = true;
        return f;
    }

    /** The colour map (default: blue-white-red when some values are negative, viridis-like when none are). */
    public FeatureMaps colors(ColorMap colors) {
        FeatureMaps f = copy();
        f.colors = colors;
        return f;
    }

    /** At most this many maps per layer (default 64 for one layer, 8 per row in a tour). */
    public FeatureMaps maxMaps(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("maxMaps must be 1 or more. Received: maxMaps=" + n + ".");
        }
        FeatureMaps f = copy();
        f.maxMaps = n;
        return f;
    }

    /** The maps of the first (or only) layer, {@code [map][row][column]}: a copy, safe to change. */
    public float[][][] maps() {
        return copyOf(maps.get(0));
    }

    /** The maps of layer {@code layer}, one of {@link #layers()}. */
    public float[][][] maps(String layer) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layer)) {
                return copyOf(maps.get(i));
            }
        }
        throw new IllegalArgumentException("This picture has the maps of " + names() + ", not of '" + layer + "'.");
    }

    /** The image the maps were made from, {@code [channel][row][column]}. */
    public float[][][] input() {
        return copyOf(input);
    }

    /** The layers shown, in network order. */
    public List<String> layers() {
        return layers.stream().map(LayerInfo::name).toList();
    }

    /** The grid this picture paints, for its geometry. */
    public synchronized TileGrid grid() {
        if (grid == null) {
            grid = withFilters ? FeatureMapLayouts.pairs(this) : layers.size() == 1 ? FeatureMapLayouts.single(this)
                    : FeatureMapLayouts.tour(this);
        }
        return grid;
    }

    @Override
    public BufferedImage image() {
        return grid().image();
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder();
        Volume in = Volume.of(input.length, input[0].length, input[0][0].length);
        s.append("Feature maps of one ").append(in).append(" image at ").append(names()).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            float[][][] m = maps.get(i);
            double[] span = Swatch.span(m);
            s.append(layers.get(i).name()).append(" (").append(layers.get(i).layer().describe()).append("): ")
                    .append(m.length).append(" maps of ").append(m[0].length).append("x").append(m[0][0].length)
                    .append(", values from ").append(Painter.plain(span[0])).append(" to ").append(Painter.plain(span[1]))
                    .append(", ").append(dead(m)).append(" all zero\n");
        }
        if (layers.size() == 1) {
            float[][][] m = maps.get(0);
            s.append(" map      min      max     mean\n");
            for (int k = 0; k < Math.min(m.length, 16); k++) {
                double[] span = Swatch.span(new float[][][] {m[k]});
                s.append(String.format(Locale.ROOT, "%4d %8.3f %8.3f %8.3f%n", k + 1, span[0], span[1], mean(m[k])));
            }
            if (m.length > 16) {
                s.append(" … ").append(m.length - 16).append(" more (maps() has them all)\n");
            }
        }
        return s.toString().stripTrailing();
    }

    // What the layouts read.

    float[][][] inputArray() {
        return input;
    }

    List<LayerInfo> layerInfos() {
        return layers;
    }

    List<float[][][]> mapArrays() {
        return maps;
    }

    float[][][][] filterArray() {
        return filters.get(0);
    }

    boolean isGlobal() {
        return global;
    }

    int mapLimit(int fallback) {
        return maxMaps > 0 ? maxMaps : fallback;
    }

    /** The chosen colour map, or the automatic one for these values. */
    ColorMap colorsFor(double[] span) {
        return colors != null ? colors : span[0] < 0 ? ColorMap.DIVERGING : ColorMap.VIRIDIS;
    }

    String names() {
        return layers.stream().map(LayerInfo::name).collect(Collectors.joining(", "));
    }

    private static List<LayerInfo> choose(ModelSpec spec, String... names) {
        List<LayerInfo> out = new ArrayList<>();
        if (names.length == 0) {
            spec.infos().stream().filter(i -> i.layer() instanceof ConvLayer).forEach(out::add);
            if (out.isEmpty()) {
                spec.infos().stream().filter(i -> !i.output().flat()).forEach(out::add);
            }
            return out;
        }
        for (String name : names) {
            LayerInfo info = spec.layer(name);
            if (info.output().flat()) {
                throw new IllegalArgumentException(name + " makes a flat vector of " + info.output()
                        + " numbers, not feature maps. Layers with maps: " + spec.infos().stream()
                                .filter(i -> !i.output().flat()).map(LayerInfo::name).collect(Collectors.joining(", "))
                        + ".");
            }
            out.add(info);
        }
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return out;
    }

    private static int dead(float[][][] m) {
        int n = 0;
        for (float[][] map : m) {
            double[] span = Swatch.span(new float[][][] {map});
            n += span[0] == 0 && span[1] == 0 ? 1 : 0;
        }
        return n;
    }

    private static double mean(float[][] m) {
        double sum = 0;
        for (float[] row : m) {
            for (float v : row) {
                sum += v;
            }
        }
        return sum / (m.length * m[0].length);
    }

    private static float[][][] copyOf(float[][][] a) {
        float[][][] c = new float[a.length][][];
        for (int k = 0; k < a.length; k++) {
            c[k] = new float[a[k].length][];
            for (int y = 0; y < a[k].length; y++) {
                c[k][y] = a[k][y].clone();
            }
        }
        return c;
    }

    private FeatureMaps copy() {
        FeatureMaps f = new FeatureMaps(input, layers, maps, filters);
        f.withFilters = withFilters;
        f.global = global;
        f.colors = colors;
        f.maxMaps = maxMaps;
        return f;
    }
}
