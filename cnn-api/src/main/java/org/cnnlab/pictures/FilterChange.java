package org.cnnlab.pictures;

import java.util.ArrayList;
import java.util.List;

/**
 * What training did to a layer's filters: the filters before, after, and the change (after minus before),
 * all three rows on <b>one</b> colour scale, so a small change looks small. Two numbers say what the eye
 * may miss:
 * <ul>
 * <li>{@link #relativeChange()}: how far the weights moved, as a share of their size at the start,
 * {@code |after - before| / |before|} over all weights (0.2 = they moved by 20%);</li>
 * <li>{@link FilterPicture#smoothness()} of either side: random filters are noise (about 0), edge and blob
 * detectors are smooth patterns (towards 1).</li>
 * </ul>
 * Made by {@code after.changeFrom(before)}, e.g.
 * {@code net.filters("conv1").changeFrom(untrained.filters("conv1"))}. Filters with several input channels
 * show their first channel; the numbers always count every weight.
 */
public final class FilterChange extends GridPicture {
    private static final int MAX_COLUMNS = 16;
    private final FilterPicture before;
    private final FilterPicture after;

    FilterChange(FilterPicture before, FilterPicture after) {
        float[][][][] b = before.weights();
        float[][][][] a = after.weights();
        if (b.length != a.length || b[0].length != a[0].length || b[0][0].length != a[0][0].length
                || b[0][0][0].length != a[0][0][0].length) {
            throw new IllegalArgumentException("changeFrom compares filters of the same shape. Received: " + shape(b)
                    + " before and " + shape(a) + " after; compare the same layer of two copies of one architecture.");
        }
        this.before = before;
        this.after = after;
    }

    /** {@code |after - before| / |before|} over all weights: 0 = unchanged, 1 = moved as far as their own size. */
    public double relativeChange() {
        double[] sums = sums(before.weights(), after.weights(), -1);
        return Math.sqrt(sums[0] / sums[1]);
    }

    /** The same measure for each filter on its own, filter 1 first. */
    public double[] relativeChangePerFilter() {
        float[][][][] b = before.weights();
        double[] out = new double[b.length];
        for (int f = 0; f < out.length; f++) {
            double[] sums = sums(b, after.weights(), f);
            out[f] = Math.sqrt(sums[0] / sums[1]);
        }
        return out;
    }

    public FilterPicture before() {
        return before;
    }

    public FilterPicture after() {
        return after;
    }



    @Override
    public String describe() {
        return String.format("%s: filters before and after training, and the change (one colour scale)%n"
                + "the weights moved by %.0f%% of their size at the start; smoothness %.2f before, %.2f after",
                after.layer(), 100 * relativeChange(), before.smoothness(), after.smoothness());
    }

    @Override
    TileGrid layout() {
        float[][][][] b = before.weights();
        float[][][][] a = after.weights();
        int columns = Math.min(b.length, MAX_COLUMNS);
        List<Tile> tiles = new ArrayList<>();
        for (String row : List.of("before", "after", "change")) {
            for (int f = 0; f < columns; f++) {
                float[][] values = row.equals("before") ? b[f][0] : row.equals("after") ? a[f][0] : minus(a[f][0], b[f][0]);
                tiles.add(Tile.of(values, ""));
            }
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < columns; f++) {
            names.add("filter " + (f + 1));
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("blue < 0 < red, white = 0; one scale for all rows. The weights moved by %.0f%% of "
                + "their size (per filter %s)", 100 * relativeChange(), percents(relativeChangePerFilter(), columns)));
        if (b[0].length > 1) {
            notes.add("each filter's first input channel of " + b[0].length);
        }
        if (b.length > columns) {
            notes.add("showing filters 1\u2013" + columns + " of " + b.length);
        }
        return TileGrid.of(tiles).columns(columns).rowLabels(List.of("before", "after", "change"))
                .columnLabels(names).colors(ColorMap.DIVERGING).normalize(Normalize.GLOBAL)
                .tileSize(columns > 8 ? 48 : 84).legend("all rows").title(after.layer() + ": what training changed")
                .notes(notes.toArray(String[]::new));
    }

    private static String percents(double[] values, int n) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(String.format("%.0f%%", 100 * values[i]));
        }
        return String.join(", ", parts);
    }

    private static float[][] minus(float[][] a, float[][] b) {
        float[][] d = new float[a.length][a[0].length];
        for (int y = 0; y < a.length; y++) {
            for (int x = 0; x < a[0].length; x++) {
                d[y][x] = a[y][x] - b[y][x];
            }
        }
        return d;
    }

    /** Sum of squared differences and sum of squared "before" weights, over filter {@code only} or all (-1). */
    private static double[] sums(float[][][][] b, float[][][][] a, int only) {
        double diff = 0;
        double size = 0;
        for (int f = 0; f < b.length; f++) {
            if (only >= 0 && f != only) {
                continue;
            }
            for (int c = 0; c < b[f].length; c++) {
                for (int y = 0; y < b[f][c].length; y++) {
                    for (int x = 0; x < b[f][c][y].length; x++) {
                        double d = a[f][c][y][x] - b[f][c][y][x];
                        diff += d * d;
                        size += (double) b[f][c][y][x] * b[f][c][y][x];
                    }
                }
            }
        }
        return new double[] {diff, size > 0 ? size : 1};
    }

    private static String shape(float[][][][] w) {
        return w.length + "x" + w[0].length + "x" + w[0][0].length + "x" + w[0][0][0].length;
    }
}
