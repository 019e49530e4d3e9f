package org.cnnlab.retrieval;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.pictures.Picture;
import org.cnnlab.pictures.Tile;
import org.cnnlab.pictures.TileGrid;

/**
 * What a search found: one row per query, the query image first, then its nearest neighbours from the most
 * similar on, each captioned with its class and its cosine similarity to the query. A neighbour of the
 * query's class is framed green and ticked, one of another class framed red and crossed.
 */
public final class Neighbours extends Picture {
    private static final int FRAME = 2;
    private static final int QUERY = 0x455a64;
    private static final int SAME = 0x2e7d32;
    private static final int OTHER = 0xc62828;
    private final String source;
    private final ImageDataset queries;
    private final ImageDataset searched;
    private final int[] rows;
    private final Similarity.Nearest found;

    Neighbours(String source, ImageDataset queries, ImageDataset searched, int[] rows, Similarity.Nearest found) {
        this.source = source;
        this.queries = queries;
        this.searched = searched;
        this.rows = rows;
        this.found = found;
    }

    /** How many queries (rows). */
    public int rows() {
        return rows.length;
    }

    /** The neighbours of query {@code row}, as image indices into the searched dataset, nearest first. */
    public int[] indices(int row) {
        return found.indices()[row].clone();
    }

    /** Their cosine similarities to the query, from 1 (same direction) down. */
    public float[] similarities(int row) {
        return found.similarities()[row].clone();
    }

    /** The share of all neighbours shown that have their query's class. */
    public double precision() {
        double sum = 0;
        for (int r = 0; r < rows.length; r++) {
            sum += sameClass(queries.label(rows[r]), searched, found.indices()[r]);
        }
        return sum / rows.length;
    }

    /** The share of {@code neighbours} of {@code data} whose class is {@code label}. */
    static double sameClass(int label, ImageDataset data, int[] neighbours) {
        int same = 0;
        for (int n : neighbours) {
            same += data.label(n) == label ? 1 : 0;
        }
        return (double) same / neighbours.length;
    }

    @Override
    public BufferedImage image() {
        List<Tile> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int k = found.indices()[0].length;
        for (int r = 0; r < rows.length; r++) {
            int label = queries.label(rows[r]);
            tiles.add(Tile.of(framed(queries.picture(rows[r]), QUERY), "query: " + queries.className(rows[r])));
            for (int c = 0; c < found.indices()[r].length; c++) {
                int n = found.indices()[r][c];
                boolean same = searched.label(n) == label;
                tiles.add(Tile.of(framed(searched.picture(n), same ? SAME : OTHER), String.format(Locale.ROOT,
                        "%s %s %.2f", same ? "\u2713" : "\u2717", searched.className(n), found.similarities()[r][c])));
            }
            labels.add("#" + rows[r]);
        }
        List<String> columns = new ArrayList<>(List.of("query"));
        for (int c = 1; c <= k; c++) {
            columns.add(c == 1 ? "nearest" : String.valueOf(c));
        }
        return TileGrid.of(tiles).columns(k + 1).tileSize(112).rowLabels(labels).columnLabels(columns)
                .title("Nearest neighbours by " + source + ", cosine similarity")
                .notes(String.format(Locale.ROOT, "green \u2713: the query's class, red \u2717: another class; "
                        + "%.0f%% of these neighbours share their query's class", 100 * precision()))
                .image();
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("Nearest neighbours by " + source + " (cosine similarity)");
        for (int r = 0; r < rows.length; r++) {
            s.append("\n#").append(rows[r]).append(' ').append(queries.className(rows[r])).append(':');
            for (int c = 0; c < found.indices()[r].length; c++) {
                int n = found.indices()[r][c];
                s.append(String.format(Locale.ROOT, " #%d %s %.3f%s", n, searched.className(n),
                        found.similarities()[r][c], c + 1 < found.indices()[r].length ? "," : ""));
            }
        }
        return s.append(String.format(Locale.ROOT, "%n%.0f%% of the neighbours share their query's class.",
                100 * precision())).toString();
    }

    /** The image with a frame of {@code color} around it, so the grid's enlargement keeps the frame crisp. */
    private static BufferedImage framed(BufferedImage image, int color) {
        BufferedImage out = new BufferedImage(image.getWidth() + 2 * FRAME, image.getHeight() + 2 * FRAME,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(color));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, FRAME, FRAME, null);
        g.dispose();
        return out;
    }
}
