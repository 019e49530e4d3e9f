package org.cnnlab.pictures;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.model.LayerInfo;

/** The three ways {@link FeatureMaps} are laid out: one layer, maps next to their filters, a tour of layers. */
final class FeatureMapLayouts {
    private FeatureMapLayouts() {}

    /** The input, then every map of the one layer. */
    static TileGrid single(FeatureMaps f) {
        LayerInfo info = f.layerInfos().get(0);
        float[][][] m = f.mapArrays().get(0);
        int shown = Math.min(m.length, f.mapLimit(64));
        List<Tile> tiles = new ArrayList<>();
        float[][][] in = f.inputArray();
        tiles.add(Tile.of(Swatch.image(in), "input"));
        for (int k = 0; k < shown; k++) {
            tiles.add(Tile.of(m[k], "map " + (k + 1)));
        }
        List<String> notes = new ArrayList<>();
        notes.add(info.layer().describe() + " on one " + dims(in) + " image");
        double[] span = Swatch.span(m);
        ColorMap colors = f.colorsFor(span);
        notes.add(meaning(colors, f.isGlobal()) + (shown < m.length ? "; the first " + shown + " of " + m.length
                + " maps" : ""));
        return TileGrid.of(tiles).title(info.name() + ": " + m.length + " feature maps of " + m[0].length + "x"
                + m[0][0].length).notes(notes.toArray(String[]::new)).colors(colors).legend("per map")
                .normalize(f.isGlobal() ? Normalize.GLOBAL : Normalize.PER_TILE)
                .columns(Math.min(tiles.size(), tiles.size() <= 9 ? 9 : 8));
    }

    /** Filter i next to map i; deeper filters as a row of their channel slices, then the map they sum to. */
    static TileGrid pairs(FeatureMaps f) {
        LayerInfo info = f.layerInfos().get(0);
        float[][][] m = f.mapArrays().get(0);
        float[][][][] w = f.filterArray();
        int in = w[0].length;
        List<Tile> tiles = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ColorMap colors = f.colorsFor(Swatch.span(m));
        TileGrid g;
        if (in == 1 || in == 3) {
            int shown = Math.min(m.length, f.mapLimit(64));
            for (int k = 0; k < shown; k++) {
                tiles.add(Tile.of(Swatch.filter(w[k]), "filter " + (k + 1)));
                tiles.add(Tile.of(m[k], "map " + (k + 1)));
            }
            int perRow = shown <= 4 ? shown : shown <= 6 ? 3 : 4;
            g = TileGrid.of(tiles).columns(2 * perRow);
            notes.add("each filter (blue < 0 < red) slides over the input to make the map beside it");
        } else {
            int rows = Math.min(m.length, f.mapLimit(12));
            int cols = Math.min(in, 8);
            List<String> rowLabels = new ArrayList<>();
            List<String> colLabels = new ArrayList<>();
            for (int k = 0; k < rows; k++) {
                double[] s = Swatch.span(w[k]);
                double a = Math.max(Math.max(Math.abs(s[0]), Math.abs(s[1])), 1e-12);
                for (int c = 0; c < cols; c++) {
                    tiles.add(Tile.of(Swatch.of(w[k][c], ColorMap.DIVERGING, -a, a), ""));
                }
                tiles.add(Tile.of(m[k], ""));
                rowLabels.add("filter " + (k + 1));
            }
            for (int c = 0; c < cols; c++) {
                colLabels.add("in " + (c + 1));
            }
            colLabels.add("map");
            g = TileGrid.of(tiles).columns(cols + 1).rowLabels(rowLabels).columnLabels(colLabels).tileSize(56);
            notes.add("filter k has one slice per input channel (blue < 0 < red); their sums make map k"
                    + (cols < in ? "; slices 1\u2013" + cols + " of " + in : "")
                    + (rows < m.length ? "; filters 1\u2013" + rows + " of " + m.length : ""));
        }
        notes.add("maps: " + meaning(colors, f.isGlobal()));
        return g.title(info.name() + ": " + m.length + " filters and the maps they make").notes(notes.toArray(String[]::new))
                .colors(colors).legend("per map").normalize(f.isGlobal() ? Normalize.GLOBAL : Normalize.PER_TILE);
    }

    /** One row per layer, the input first: how the maps shrink, multiply and grow abstract. */
    static TileGrid tour(FeatureMaps f) {
        int perRow = f.mapLimit(8);
        int columns = 1;
        for (float[][][] m : f.mapArrays()) {
            columns = Math.max(columns, Math.min(m.length, perRow));
        }
        List<Tile> tiles = new ArrayList<>();
        List<String> rowLabels = new ArrayList<>();
        float[][][] in = f.inputArray();
        tiles.add(Tile.of(Swatch.image(in), ""));
        fill(tiles, columns);
        rowLabels.add("input " + dims(in));
        double lo = 0;
        for (int i = 0; i < f.layerInfos().size(); i++) {
            float[][][] m = f.mapArrays().get(i);
            lo = Math.min(lo, Swatch.span(m)[0]);
            for (int k = 0; k < Math.min(m.length, perRow); k++) {
                tiles.add(Tile.of(m[k], ""));
            }
            fill(tiles, columns);
            rowLabels.add(f.layerInfos().get(i).name() + " " + dims(m));
        }
        ColorMap colors = f.colorsFor(new double[] {lo, 0});
        return TileGrid.of(tiles).columns(columns).rowLabels(rowLabels).title("Feature maps layer by layer: "
                + f.names()).notes("each row: the first " + perRow + " maps of a layer, deeper layers smaller and "
                        + "more numerous", meaning(colors, f.isGlobal())).colors(colors).legend("per map").tileSize(64)
                .normalize(f.isGlobal() ? Normalize.GLOBAL : Normalize.PER_TILE);
    }

    private static void fill(List<Tile> tiles, int columns) {
        while (tiles.size() % columns != 0) {
            tiles.add(Tile.blank());
        }
    }

    private static String meaning(ColorMap colors, boolean global) {
        String scale = global ? "one scale for all maps" : "each map scaled to its own range";
        return (colors.diverging() ? "blue < 0 < red, white = 0" : "dark = low, bright = high") + "; " + scale;
    }

    static String dims(float[][][] v) {
        return v.length + "\u00d7" + v[0].length + "\u00d7" + v[0][0].length;
    }
}
