package org.cnnlab.pictures;

import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;

/**
 * The filters of one conv layer, drawn as a grid of tiles: blue where a weight is negative, white at zero,
 * red where it is positive. A filter with 1 input channel is one tile; a first layer on colour images shows
 * each filter as one colour picture (its red, green and blue weights as the pixel's colour, zero at mid
 * grey), which is how AlexNet's famous edge and colour-blob filters were shown; deeper filters are a row of
 * tiles, one per input channel.
 *
 * <p>Made by {@code net.filters("conv1")}. Immutable: the options return a new picture.
 */
public final class FilterPicture extends GridPicture {
    private static final int MAX_TILES = 64;
    private final String layer;
    private final float[][][][] weights;
    private final float[] bias;
    private boolean global;
    private boolean channels;
    private int maxFilters = 16;
    private int maxChannels = 12;
    private int tileSize;

    private FilterPicture(String layer, float[][][][] weights, float[] bias) {
        this.layer = layer;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * A picture of these weights {@code [filter][input channel][row][column]} with their biases (one per
     * filter, or null), titled with {@code layer}.
     */
    public static FilterPicture of(String layer, float[][][][] weights, float[] bias) {
        if (weights == null || weights.length == 0 || weights[0].length == 0 || weights[0][0].length == 0) {
            throw new IllegalArgumentException("FilterPicture needs weights [filter][input channel][row][column] "
                    + "with at least one of each.");
        }
        return new FilterPicture(layer, weights, bias == null ? new float[weights.length] : bias);
    }

    /** The filters of conv layer {@code layer} of a built block. */
    public static FilterPicture of(ModelSpec spec, SequentialBlock block, LayerInfo layer) {
        LayerInfo conv = NetworkData.conv(spec, layer, "Filters");
        return of(conv.name(), NetworkData.weights(block, conv), NetworkData.bias(block, conv));
    }

    /** One colour scale for all filters, so weak filters look weak (default: each filter its own scale). */
    public FilterPicture global() {
        FilterPicture p = copy();
        p.global = true;
        return p;
    }

    /** Each filter scaled to its own largest weight, so every filter's pattern shows at full contrast. */
    public FilterPicture perFilter() {
        FilterPicture p = copy();
        p.global = false;
        return p;
    }

    /** One tile per input channel even for 3-channel filters, instead of one colour picture per filter. */
    public FilterPicture channels() {
        FilterPicture p = copy();
        p.channels = true;
        return p;
    }

    /** At most this many filters (rows) where each filter is a row of channel tiles. Default 16. */
    public FilterPicture maxFilters(int n) {
        FilterPicture p = copy();
        p.maxFilters = positive(n, "maxFilters");
        return p;
    }

    /** At most this many input channels (columns) per filter. Default 12. */
    public FilterPicture maxChannels(int n) {
        FilterPicture p = copy();
        p.maxChannels = positive(n, "maxChannels");
        return p;
    }

    /** About how many pixels a tile's side gets. */
    public FilterPicture tileSize(int pixels) {
        FilterPicture p = copy();
        p.tileSize = positive(pixels, "tileSize");
        return p;
    }

    public String layer() {
        return layer;
    }

    /**
     * What changed from {@code before} (the same layer, e.g. of an untrained copy) to these filters: both and
     * their difference on one colour scale, and how far the weights moved. See {@link FilterChange}.
     */
    public FilterChange changeFrom(FilterPicture before) {
        return new FilterChange(before, this);
    }

    /**
     * How smooth the filters are: the correlation of each weight with its right and lower neighbours, averaged
     * over every filter and input channel. Random noise gives about 0; smooth patterns such as edges and blobs
     * of light and dark give values towards 1; a checkerboard gives negative values.
     */
    public double smoothness() {
        double sum = 0;
        int slices = 0;
        for (float[][][] filter : weights) {
            for (float[][] slice : filter) {
                sum += neighbourCorrelation(slice);
                slices++;
            }
        }
        return sum / slices;
    }

    private static double neighbourCorrelation(float[][] w) {
        double mean = 0;
        int n = 0;
        for (float[] row : w) {
            for (float v : row) {
                mean += v;
                n++;
            }
        }
        mean /= n;
        double spread = 0;
        double together = 0;
        int pairs = 0;
        for (int y = 0; y < w.length; y++) {
            for (int x = 0; x < w[y].length; x++) {
                double here = w[y][x] - mean;
                spread += here * here;
                if (x + 1 < w[y].length) {
                    together += here * (w[y][x + 1] - mean);
                    pairs++;
                }
                if (y + 1 < w.length) {
                    together += here * (w[y + 1][x] - mean);
                    pairs++;
                }
            }
        }
        return spread == 0 || pairs == 0 ? 0 : (together / pairs) / (spread / n);
    }

    /** A copy of the weights, {@code [filter][input channel][row][column]}. */
    public float[][][][] weights() {
        float[][][][] c = new float[weights.length][][][];
        for (int f = 0; f < weights.length; f++) {
            c[f] = new float[weights[f].length][][];
            for (int k = 0; k < weights[f].length; k++) {
                c[f][k] = new float[weights[f][k].length][];
                for (int y = 0; y < weights[f][k].length; y++) {
                    c[f][k][y] = weights[f][k][y].clone();
                }
            }
        }
        return c;
    }

    public float[] bias() {
        return bias.clone();
    }



    @Override
    public String describe() {
        double[] w = span();
        StringBuilder s = new StringBuilder(title()).append(" (").append(String.format("%,d", count()))
                .append(" weights + ").append(bias.length).append(" biases)\n");
        s.append("weights from ").append(Painter.plain(w[0])).append(" to ").append(Painter.plain(w[1]))
                .append(", mean ").append(Painter.plain(w[2]));
        double bl = Double.POSITIVE_INFINITY;
        double bh = Double.NEGATIVE_INFINITY;
        for (float b : bias) {
            bl = Math.min(bl, b);
            bh = Math.max(bh, b);
        }
        s.append("; biases from ").append(Painter.plain(bl)).append(" to ").append(Painter.plain(bh)).append('\n');
        s.append("Picture: ").append(String.join("; ", notes()).replace('\u2212', '-').replace('\u2013', '-'));
        if (weights[0].length == 1 && weights[0][0].length * weights[0][0][0].length <= 25) {
            s.append("\nfilter 1:");
            for (float[] row : weights[0][0]) {
                s.append("\n ");
                for (float v : row) {
                    s.append(String.format(java.util.Locale.ROOT, " %7.3f", v));
                }
            }
        }
        return s.toString();
    }

    private String title() {
        int out = weights.length;
        return layer + ": " + out + (out == 1 ? " filter" : " filters") + " of " + weights[0].length + "x"
                + weights[0][0].length + "x" + weights[0][0][0].length;
    }

    @Override
    TileGrid layout() {
        int out = weights.length;
        int in = weights[0].length;
        List<Tile> tiles = new ArrayList<>();
        TileGrid g;
        if (in == 1 || (in == 3 && !channels)) {
            int shown = Math.min(out, MAX_TILES);
            for (int f = 0; f < shown; f++) {
                tiles.add(in == 1 ? Tile.of(weights[f][0], "filter " + (f + 1)) : Tile.rgb(weights[f], "filter " + (f + 1)));
            }
            g = TileGrid.of(tiles).normalize(global ? Normalize.GLOBAL : Normalize.PER_TILE);
        } else {
            int rows = Math.min(out, maxFilters);
            int cols = Math.min(in, maxChannels);
            List<String> rowLabels = new ArrayList<>();
            List<String> colLabels = new ArrayList<>();
            for (int f = 0; f < rows; f++) {
                rowLabels.add("filter " + (f + 1));
                for (int c = 0; c < cols; c++) {
                    tiles.add(Tile.of(weights[f][c], ""));
                }
            }
            for (int c = 0; c < cols; c++) {
                colLabels.add("in " + (c + 1));
            }
            g = TileGrid.of(tiles).columns(cols).rowLabels(rowLabels).columnLabels(colLabels)
                    .normalize(global ? Normalize.GLOBAL : Normalize.PER_ROW);
        }
        int rows = (g.tiles().size() + g.columns() - 1) / g.columns();
        int size = tileSize > 0 ? tileSize : g.columns() > 8 || rows > 6 ? 48 : 84;
        return g.legend("per filter").title(title()).notes(notes().toArray(String[]::new)).colors(ColorMap.DIVERGING).tileSize(size);
    }

    private List<String> notes() {
        int out = weights.length;
        int in = weights[0].length;
        List<String> notes = new ArrayList<>();
        boolean rgb = in == 3 && !channels;
        notes.add((rgb ? "each filter as colour: its red, green and blue weights; mid grey = 0"
                : "blue < 0 < red, white = 0") + (global ? "; one scale for all filters" : "; each filter scaled to its largest |weight|"));
        if (rgb || in == 1) {
            if (out > MAX_TILES) {
                notes.add("showing the first " + MAX_TILES + " of " + out + " filters");
            }
        } else if (out > maxFilters || in > maxChannels) {
            notes.add("showing filters 1\u2013" + Math.min(out, maxFilters) + " of " + out + ", input channels 1\u2013"
                    + Math.min(in, maxChannels) + " of " + in + " (maxFilters, maxChannels show more)");
        }
        return notes;
    }

    private long count() {
        return (long) weights.length * weights[0].length * weights[0][0].length * weights[0][0][0].length;
    }

    /** Smallest, largest and mean weight. */
    private double[] span() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float[][][] f : weights) {
            for (float[][] c : f) {
                for (float[] row : c) {
                    for (float v : row) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                        sum += v;
                    }
                }
            }
        }
        return new double[] {lo, hi, sum / count()};
    }

    private static int positive(int n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be 1 or more. Received: " + name + "=" + n + ".");
        }
        return n;
    }

    private FilterPicture copy() {
        FilterPicture p = new FilterPicture(layer, weights, bias);
        p.global = global;
        p.channels = channels;
        p.maxFilters = maxFilters;
        p.maxChannels = maxChannels;
        p.tileSize = tileSize;
        return p;
    }
}
