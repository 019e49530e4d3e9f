package org.cnnlab.pictures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/** Where everything in a {@link TileGrid} goes, and the value range each tile is coloured with. */
final class TileLayout {
    private static final int BAR_WIDTH = 12;
    private final List<Tile> tiles;
    private final int columns;
    private final int gap;
    private final ColorMap colors;
    private final Normalize normalize;
    private final boolean fixed;
    private final String title;
    private final List<String> notes;
    private final List<String> rowLabels;
    private final List<String> columnLabels;
    private final String legend;
    private final int[] scales;
    private final double[][] ranges;
    private final int cellW;
    private final int cellH;
    private final int captionH;
    private final int gridLeft;
    private final int gridTop;
    private final int gridW;
    private final int gridH;
    private final boolean bar;
    private final int barH;
    private final int width;
    private final int height;

    TileLayout(List<Tile> tiles, int columns, int tileSize, ColorMap colors, Normalize normalize, double[] range,
            String title, List<String> notes, List<String> rowLabels, List<String> columnLabels, boolean colorBar,
            String legend, int gap) {
        this.tiles = tiles;
        this.columns = Math.min(columns, tiles.size());
        this.gap = gap;
        this.colors = colors;
        this.normalize = normalize;
        this.fixed = range != null;
        this.title = title;
        this.notes = notes;
        this.rowLabels = rowLabels;
        this.columnLabels = columnLabels;
        this.legend = legend;
        this.scales = new int[tiles.size()];
        int cw = 1;
        int ch = 1;
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            scales[i] = Math.max(1, tileSize / Math.max(t.height(), t.width()));
            if (t.isBlank()) {
                continue;
            }
            cw = Math.max(cw, t.width() * scales[i]);
            ch = Math.max(ch, t.height() * scales[i]);
        }
        cellW = cw;
        cellH = ch;
        ranges = ranges(range);
        boolean anyCaption = tiles.stream().anyMatch(t -> !t.caption().isEmpty());
        captionH = anyCaption ? Painter.lineHeight(Painter.CAPTION) + 4 : 0;
        int top = Painter.MARGIN;
        int headerW = 0;
        if (!title.isEmpty()) {
            top += Painter.lineHeight(Painter.TITLE) + 2;
            headerW = Painter.width(Painter.TITLE, title);
        }
        for (String n : notes) {
            top += Painter.lineHeight(Painter.NOTE);
            headerW = Math.max(headerW, Painter.width(Painter.NOTE, n));
        }
        top += title.isEmpty() && notes.isEmpty() ? 0 : 10;
        gridTop = top + (columnLabels.isEmpty() ? 0 : Painter.lineHeight(Painter.LABEL) + 4);
        int labelW = rowLabels.stream().mapToInt(s -> Painter.width(Painter.LABEL, s)).max().orElse(-10) + 10;
        gridLeft = Painter.MARGIN + labelW;
        int rows = (tiles.size() + this.columns - 1) / this.columns;
        gridW = this.columns * cellW + (this.columns - 1) * gap;
        gridH = rows * (cellH + captionH) + (rows - 1) * gap;
        bar = colorBar && tiles.stream().anyMatch(t -> t.values() != null && !t.isRgb());
        barH = Math.max(90, Math.min(220, gridH - captionH));
        int barArea = bar ? 18 + BAR_WIDTH + 6 + barLabels().stream()
                .mapToInt(s -> Painter.width(Painter.CAPTION, s)).max().orElse(0) : 0;
        width = Math.max(gridLeft + gridW + barArea, Painter.MARGIN + headerW) + Painter.MARGIN;
        height = Math.max(gridTop + gridH, bar ? gridTop + barH + Painter.lineHeight(Painter.CAPTION) + 4 : 0)
                + Painter.MARGIN;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int scale(int i) {
        return scales[i];
    }

    double[][] ranges() {
        return ranges;
    }

    Rectangle tile(int i) {
        Tile t = tiles.get(i);
        int w = t.width() * scales[i];
        int h = t.height() * scales[i];
        int x = gridLeft + (i % columns) * (cellW + gap) + (cellW - w) / 2;
        int y = gridTop + (i / columns) * (cellH + captionH + gap) + (cellH - h) / 2;
        return new Rectangle(x, y, w, h);
    }

    void paintHeader(Graphics2D g) {
        int y = Painter.MARGIN;
        if (!title.isEmpty()) {
            Painter.text(g, title, Painter.TITLE, Painter.INK, Painter.MARGIN, y, -1);
            y += Painter.lineHeight(Painter.TITLE) + 2;
        }
        for (String n : notes) {
            Painter.text(g, n, Painter.NOTE, Painter.MUTED, Painter.MARGIN, y, -1);
            y += Painter.lineHeight(Painter.NOTE);
        }
    }

    void paintCaption(Graphics2D g, int i) {
        String c = tiles.get(i).caption();
        if (c.isEmpty()) {
            return;
        }
        int x = gridLeft + (i % columns) * (cellW + gap) + cellW / 2;
        int y = gridTop + (i / columns) * (cellH + captionH + gap) + cellH + 3;
        Painter.text(g, Painter.fit(c, Painter.CAPTION, cellW + gap - 2), Painter.CAPTION, Painter.INK, x, y, 0);
    }

    void paintLabels(Graphics2D g) {
        int labelH = Painter.lineHeight(Painter.LABEL);
        for (int c = 0; c < Math.min(columns, columnLabels.size()); c++) {
            String s = Painter.fit(columnLabels.get(c), Painter.LABEL, cellW + gap - 2);
            Painter.text(g, s, Painter.LABEL, Painter.MUTED, gridLeft + c * (cellW + gap) + cellW / 2,
                    gridTop - labelH - 4, 0);
        }
        for (int r = 0; r < rowLabels.size(); r++) {
            int y = gridTop + r * (cellH + captionH + gap) + (cellH - labelH) / 2;
            Painter.text(g, rowLabels.get(r), Painter.LABEL, Painter.MUTED, gridLeft - 10, y, 1);
        }
    }

    void paintColorBar(Graphics2D g) {
        if (!bar) {
            return;
        }
        int x = gridLeft + gridW + 18;
        for (int y = 0; y < barH; y++) {
            g.setColor(new Color(colors.rgb(1 - y / (double) (barH - 1))));
            g.fillRect(x, gridTop + y, BAR_WIDTH, 1);
        }
        g.setColor(Painter.FRAME);
        g.drawRect(x - 1, gridTop - 1, BAR_WIDTH + 1, barH + 1);
        List<String> labels = barLabels();
        int lh = Painter.lineHeight(Painter.CAPTION);
        int lx = x + BAR_WIDTH + 6;
        Painter.text(g, labels.get(0), Painter.CAPTION, Painter.INK, lx, gridTop - lh / 2 + 1, -1);
        Painter.text(g, labels.get(1), Painter.CAPTION, Painter.INK, lx, gridTop + barH / 2 - lh / 2, -1);
        Painter.text(g, labels.get(2), Painter.CAPTION, Painter.INK, lx, gridTop + barH - lh / 2 - 1, -1);
        if (labels.size() > 3) {
            Painter.text(g, labels.get(3), Painter.CAPTION, Painter.MUTED, x - 2, gridTop + barH + 6, -1);
        }
    }

    /** High, middle, low, and a note when each tile has its own scale. */
    private List<String> barLabels() {
        List<String> out = new ArrayList<>();
        double[] shared = sharedRange();
        if (shared != null) {
            out.add(Painter.number(shared[1]));
            out.add(Painter.number((shared[0] + shared[1]) / 2));
            out.add(Painter.number(shared[0]));
        } else if (colors.diverging()) {
            out.add("+max");
            out.add("0");
            out.add("\u2212max");
            out.add(scaleWord());
        } else {
            out.add("max");
            out.add("");
            out.add("min");
            out.add(scaleWord());
        }
        return out;
    }

    private String scaleWord() {
        return !legend.isEmpty() ? legend : normalize == Normalize.PER_ROW ? "per row" : "per tile";
    }

    /** The one range all number tiles share, or null when they differ. */
    private double[] sharedRange() {
        double[] first = null;
        for (double[] r : ranges) {
            if (r != null && first == null) {
                first = r;
            } else if (r != null && (r[0] != first[0] || r[1] != first[1])) {
                return null;
            }
        }
        return fixed || normalize == Normalize.GLOBAL || first == null || countNumberTiles() == 1 ? first : null;
    }

    private long countNumberTiles() {
        return tiles.stream().filter(t -> t.values() != null).count();
    }

    private double[][] ranges(double[] range) {
        double[][] out = new double[tiles.size()][];
        for (int i = 0; i < tiles.size(); i++) {
            if (tiles.get(i).values() == null) {
                continue;
            }
            if (range != null) {
                out[i] = range.clone();
                continue;
            }
            List<Tile> group = normalize == Normalize.GLOBAL ? tiles
                    : normalize == Normalize.PER_ROW ? tiles.subList(i / columns * columns,
                            Math.min(tiles.size(), (i / columns + 1) * columns)) : List.of(tiles.get(i));
            out[i] = scaleFor(span(group));
        }
        return out;
    }

    private double[] scaleFor(double[] span) {
        if (colors.diverging()) {
            double m = Math.max(Math.abs(span[0]), Math.abs(span[1]));
            return m > 0 ? new double[] {-m, m} : new double[] {-1, 1};
        }
        return span[1] > span[0] ? span : new double[] {span[0], span[0] + 1};
    }

    /** Smallest and largest number over the number tiles, or null when there are none. */
    static double[] span(List<Tile> tiles) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Tile t : tiles) {
            if (t.values() == null) {
                continue;
            }
            for (float[][] c : t.values()) {
                for (float[] row : c) {
                    for (float v : row) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return lo > hi ? null : new double[] {lo, hi};
    }
}
