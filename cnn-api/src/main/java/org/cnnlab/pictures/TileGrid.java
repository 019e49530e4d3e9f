package org.cnnlab.pictures;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * A grid of small pictures with captions: filters, feature maps, misclassified examples. Numbers are
 * coloured through a {@link ColorMap} after {@link Normalize normalisation}; every tile is enlarged by a
 * whole factor with nearest-neighbour blocks, so a 3x3 filter shows as nine crisp squares, never a blur.
 * <pre>{@code
 * TileGrid.of(List.of(Tile.of(kernel, "edge"), Tile.of(image, "input")))
 *         .title("Two pictures").colors(ColorMap.DIVERGING).normalize(Normalize.GLOBAL).show();
 * }</pre>
 * Immutable: each option returns a new grid.
 */
public final class TileGrid extends Picture {
    private static final int GAP = 10;
    private List<Tile> tiles;
    private String title = "";
    private List<String> notes = List.of();
    private int columns;
    private int tileSize = 84;
    private ColorMap colors = ColorMap.VIRIDIS;
    private Normalize normalize = Normalize.PER_TILE;
    private double[] range;
    private boolean colorBar = true;
    private String legend = "";
    private List<String> rowLabels = List.of();
    private List<String> columnLabels = List.of();
    private BufferedImage painted;
    private TileLayout layout;

    private TileGrid(List<Tile> tiles) {
        this.tiles = tiles;
    }

    /** A grid of these tiles, in reading order. */
    public static TileGrid of(List<Tile> tiles) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("A tile grid needs at least one tile.");
        }
        return new TileGrid(List.copyOf(tiles));
    }

    /** The title above the grid, e.g. {@code conv1: 6 filters of 1x5x5}. */
    public TileGrid title(String title) {
        TileGrid g = copy();
        g.title = title == null ? "" : title;
        return g;
    }

    /** Smaller grey lines under the title: what the colours mean, what was left out. */
    public TileGrid notes(String... lines) {
        TileGrid g = copy();
        g.notes = List.of(lines);
        return g;
    }

    /** Tiles per row; by default all of them up to 10, then about twice as many columns as rows. */
    public TileGrid columns(int columns) {
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be 1 or more. Received: columns=" + columns + ".");
        }
        TileGrid g = copy();
        g.columns = columns;
        return g;
    }

    /** About how many pixels a tile's longer side gets (a whole multiple of its size). Default 84. */
    public TileGrid tileSize(int pixels) {
        if (pixels <= 0) {
            throw new IllegalArgumentException("tileSize must be 1 or more pixels. Received: " + pixels + ".");
        }
        TileGrid g = copy();
        g.tileSize = pixels;
        return g;
    }

    /** The colour map for number tiles; a diverging one puts zero at its middle colour. */
    public TileGrid colors(ColorMap colors) {
        TileGrid g = copy();
        g.colors = colors;
        return g;
    }

    public TileGrid normalize(Normalize normalize) {
        TileGrid g = copy();
        g.normalize = normalize;
        g.range = null;
        return g;
    }

    /** One fixed scale for every tile, {@code low} to {@code high} (e.g. 0 to 1 for images). */
    public TileGrid range(double low, double high) {
        if (!(high > low)) {
            throw new IllegalArgumentException("range needs low < high. Received: low=" + low + ", high=" + high + ".");
        }
        TileGrid g = copy();
        g.range = new double[] {low, high};
        return g;
    }

    /** Whether a colour bar explains the colours at the right (default yes, when there are number tiles). */
    public TileGrid colorBar(boolean show) {
        TileGrid g = copy();
        g.colorBar = show;
        return g;
    }

    /** A short word under the colour bar when tiles have their own scales, e.g. {@code per filter}. */
    public TileGrid legend(String text) {
        TileGrid g = copy();
        g.legend = text == null ? "" : text;
        return g;
    }

    /** Labels left of each row, e.g. {@code f1, f2…}. */
    public TileGrid rowLabels(List<String> labels) {
        TileGrid g = copy();
        g.rowLabels = List.copyOf(labels);
        return g;
    }

    /** Labels above each column, e.g. {@code in 1, in 2…}. */
    public TileGrid columnLabels(List<String> labels) {
        TileGrid g = copy();
        g.columnLabels = List.copyOf(labels);
        return g;
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public int columns() {
        return columns > 0 ? columns : defaultColumns(tiles.size());
    }

    /** Where tile {@code i}'s pixels lie in {@link #image()}: the block of (row r, column c) starts at x + c*scale. */
    public Rectangle tileBounds(int i) {
        return layout().tile(i);
    }

    /** How many pixels one number of tile {@code i} becomes along each side. */
    public int scale(int i) {
        return layout().scale(i);
    }

    /** The value range tile {@code i} was coloured with, {@code {low, high}}; empty for an image tile. */
    public double[] rangeOf(int i) {
        return layout().ranges()[i] == null ? new double[0] : layout().ranges()[i].clone();
    }

    @Override
    public synchronized BufferedImage image() {
        if (painted == null) {
            painted = paint(layout());
        }
        return painted;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(title.isEmpty() ? "Tile grid" : title);
        for (String n : notes) {
            s.append('\n').append(n);
        }
        int rows = (tiles.size() + columns() - 1) / columns();
        s.append('\n').append(tiles.size()).append(tiles.size() == 1 ? " tile" : " tiles").append(" in ")
                .append(rows).append(rows == 1 ? " row" : " rows").append(" of up to ").append(columns());
        double[] span = TileLayout.span(tiles);
        if (span != null) {
            s.append("; values from ").append(Painter.plain(span[0])).append(" to ").append(Painter.plain(span[1]))
                    .append(", colours ").append(colors.name()).append(range != null ? " fixed " + Painter.plain(range[0])
                            + " to " + Painter.plain(range[1]) : ", scaled " + normalize.name().toLowerCase().replace('_', ' '));
        }
        return s.toString();
    }

    private synchronized TileLayout layout() {
        if (layout == null) {
            layout = new TileLayout(tiles, columns(), tileSize, colors, normalize, range, title, notes, rowLabels,
                    columnLabels, colorBar, legend, GAP);
        }
        return layout;
    }

    private BufferedImage paint(TileLayout l) {
        Graphics2D[] g = new Graphics2D[1];
        BufferedImage img = Painter.canvas(l.width(), l.height(), g);
        l.paintHeader(g[0]);
        for (int i = 0; i < tiles.size(); i++) {
            paintTile(img, g[0], tiles.get(i), l.tile(i), l.scale(i), l.ranges()[i]);
            l.paintCaption(g[0], i);
        }
        l.paintLabels(g[0]);
        l.paintColorBar(g[0]);
        g[0].dispose();
        return img;
    }

    private void paintTile(BufferedImage img, Graphics2D g, Tile t, Rectangle r, int scale, double[] lohi) {
        if (t.isBlank()) {
            return;
        }
        g.setColor(Painter.FRAME);
        g.drawRect(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        if (t.image() != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(t.image(), r.x, r.y, r.width, r.height, null);
            return;
        }
        float[][][] v = t.values();
        double span = lohi[1] - lohi[0];
        int[] block = new int[scale * scale];
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                int rgb;
                if (t.isRgb()) {
                    rgb = level(v[0][y][x], lohi[0], span) << 16 | level(v[1][y][x], lohi[0], span) << 8
                            | level(v[2][y][x], lohi[0], span);
                } else {
                    rgb = colors.rgb((v[0][y][x] - lohi[0]) / span);
                }
                Arrays.fill(block, rgb);
                img.setRGB(r.x + x * scale, r.y + y * scale, scale, scale, block, 0, scale);
            }
        }
    }

    private static int level(float v, double lo, double span) {
        return (int) Math.round(Math.max(0, Math.min(1, (v - lo) / span)) * 255);
    }

    static int defaultColumns(int n) {
        return n <= 10 ? n : Math.min(16, (int) Math.ceil(Math.sqrt(2.0 * n)));
    }

    private TileGrid copy() {
        TileGrid g = new TileGrid(tiles);
        g.title = title;
        g.notes = notes;
        g.columns = columns;
        g.tileSize = tileSize;
        g.colors = colors;
        g.normalize = normalize;
        g.range = range;
        g.colorBar = colorBar;
        g.legend = legend;
        g.rowLabels = rowLabels;
        g.columnLabels = columnLabels;
        return g;
    }
}
