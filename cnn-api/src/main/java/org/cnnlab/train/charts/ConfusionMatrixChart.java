package org.cnnlab.train.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.render.Png;

/**
 * A confusion matrix as a heat map: row = true class, column = predicted class, each cell showing its
 * count. The colour is the cell's share of its row (of that true class's images), from white (none) to deep
 * blue (all), so a well-trained network shows a dark diagonal and any pale-blue cell off it is a confusion
 * worth a look, whatever the class sizes.
 */
public final class ConfusionMatrixChart implements Displayable {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Color DEEP = new Color(0x08306b);

    private final int[][] counts;
    private final List<String> names;
    private final String title;
    private final int cell;
    private final int left;
    private final int top;
    private final int bottom;

    private ConfusionMatrixChart(int[][] counts, List<String> names, String title) {
        this.counts = counts;
        this.names = names;
        this.title = title;
        this.cell = Math.max(30, Math.min(60, 560 / Math.max(1, counts.length)));
        int longest = 0;
        FontMetrics fm = metrics(LABEL);
        for (String n : names) {
            longest = Math.max(longest, fm.stringWidth(n));
        }
        this.left = 40 + longest + 12;
        this.top = 56;
        this.bottom = 40 + (int) Math.ceil(longest * Math.sin(Math.toRadians(45))) + 16;
    }

    /** A chart of {@code counts[true][predicted]} with the class {@code names}. */
    public static ConfusionMatrixChart of(int[][] counts, List<String> names, String title) {
        if (counts.length != names.size()) {
            throw new IllegalArgumentException("A confusion matrix needs one class name per row. Received: "
                    + counts.length + " rows and " + names.size() + " names.");
        }
        return new ConfusionMatrixChart(counts, names, title);
    }

    public int width() {
        return Math.max(left + counts.length * cell + 24, metrics(TITLE).stringWidth(title) + 40);
    }

    public int height() {
        return top + counts.length * cell + bottom;
    }

    /** Where cell ({@code trueClass}, {@code predicted}) is painted in {@link #image()}. */
    public Rectangle cellBounds(int trueClass, int predicted) {
        return new Rectangle(left + predicted * cell, top + trueClass * cell, cell, cell);
    }

    /** The colour of a cell whose count is {@code share} (0..1) of its row. */
    public static Color colour(double share) {
        double s = Math.max(0, Math.min(1, share));
        return new Color(mix(255, DEEP.getRed(), s), mix(255, DEEP.getGreen(), s), mix(255, DEEP.getBlue(), s));
    }

    public BufferedImage image() {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(ChartStyle.GREY_TEXT);
        g.setFont(TITLE);
        g.drawString(title, (img.getWidth() - g.getFontMetrics().stringWidth(title)) / 2, 28);
        paintCells(g);
        paintLabels(g);
        g.dispose();
        return img;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return Png.bundle(image(), title + " (rows: true class, columns: predicted class)");
    }

    private void paintCells(Graphics2D g) {
        int n = counts.length;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, cell >= 44 ? 12 : 10));
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t < n; t++) {
            long row = 0;
            for (int c : counts[t]) {
                row += c;
            }
            for (int p = 0; p < n; p++) {
                double share = row == 0 ? 0 : (double) counts[t][p] / row;
                Rectangle r = cellBounds(t, p);
                g.setColor(colour(share));
                g.fillRect(r.x, r.y, r.width, r.height);
                g.setColor(share > 0.45 ? Color.WHITE : ChartStyle.GREY_TEXT);
                String s = Integer.toString(counts[t][p]);
                g.drawString(s, r.x + (r.width - fm.stringWidth(s)) / 2, r.y + (r.height + fm.getAscent()) / 2 - 2);
            }
        }
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(left, top, n * cell, n * cell);
    }

    private void paintLabels(Graphics2D g) {
        int n = counts.length;
        g.setFont(LABEL);
        g.setColor(ChartStyle.GREY_TEXT);
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t < n; t++) {
            String s = names.get(t);
            g.drawString(s, left - 8 - fm.stringWidth(s), top + t * cell + (cell + fm.getAscent()) / 2 - 2);
        }
        AffineTransform plain = g.getTransform();
        for (int p = 0; p < n; p++) {
            String s = names.get(p);
            g.translate(left + p * cell + cell / 2 + 4, top + n * cell + 8);
            g.rotate(Math.toRadians(-45));
            g.drawString(s, -fm.stringWidth(s), fm.getAscent() / 2);
            g.setTransform(plain);
        }
        g.setFont(AXIS);
        FontMetrics am = g.getFontMetrics();
        String x = "predicted class";
        g.drawString(x, left + (n * cell - am.stringWidth(x)) / 2, height() - 12);
        String y = "true class";
        g.translate(20, top + (n * cell + am.stringWidth(y)) / 2);
        g.rotate(Math.toRadians(-90));
        g.drawString(y, 0, 0);
        g.setTransform(plain);
    }

    private static int mix(int from, int to, double s) {
        return (int) Math.round(from + (to - from) * s);
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        FontMetrics fm = g.getFontMetrics(font);
        g.dispose();
        return fm;
    }
}
