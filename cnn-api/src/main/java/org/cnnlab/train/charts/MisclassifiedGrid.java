package org.cnnlab.train.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.render.Png;

/**
 * Images the network got wrong, in a grid, each captioned with its true class and the network's answer
 * with the probability it gave it. Looking at them is the quickest way to learn what a network finds hard:
 * some are ambiguous even to people, some are mislabelled, and a run of one confusion points at what the
 * network has not learned.
 */
public final class MisclassifiedGrid implements Displayable {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color WRONG = new Color(0xc62828);
    private static final int COLUMNS = 8;

    private final ImageDataset data;
    private final int[] indices;
    private final int[] predicted;
    private final float[] confidence;
    private final String title;
    private final int scale;
    private final int tileWidth;
    private final int tileHeight;

    private MisclassifiedGrid(ImageDataset data, int[] indices, int[] predicted, float[] confidence, String title) {
        this.data = data;
        this.indices = indices;
        this.predicted = predicted;
        this.confidence = confidence;
        this.title = title;
        this.scale = Math.max(1, 84 / Math.max(data.shape().height(), data.shape().width()));
        this.tileWidth = Math.max(data.shape().width() * scale, 132) + 12;
        this.tileHeight = data.shape().height() * scale + 40;
    }

    /**
     * A grid of the images at {@code indices} of {@code data}; {@code predicted[i]} and {@code confidence[i]}
     * are the network's answer and probability for image {@code i} of {@code data}.
     */
    public static MisclassifiedGrid of(ImageDataset data, int[] indices, int[] predicted, float[] confidence,
                                       String title) {
        return new MisclassifiedGrid(data, indices.clone(), predicted, confidence, title);
    }

    /** The dataset indices shown, in grid order (left to right, top to bottom). */
    public int[] indices() {
        return indices.clone();
    }

    public int columns() {
        return Math.max(1, Math.min(COLUMNS, indices.length));
    }

    public int width() {
        return Math.max(columns() * tileWidth + 16, 360);
    }

    public int height() {
        int rows = Math.max(1, (indices.length + COLUMNS - 1) / COLUMNS);
        return 44 + rows * tileHeight + 8;
    }

    public BufferedImage image() {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(ChartStyle.GREY_TEXT);
        g.setFont(TITLE);
        g.drawString(title, 8, 26);
        if (indices.length == 0) {
            g.setFont(CAPTION);
            g.drawString("No misclassified images.", 8, 60);
        }
        for (int k = 0; k < indices.length; k++) {
            tile(g, k, 8 + (k % COLUMNS) * tileWidth, 44 + (k / COLUMNS) * tileHeight);
        }
        g.dispose();
        return img;
    }

    @Override
    public MimeBundle toMimeBundle() {
        StringBuilder text = new StringBuilder(title);
        for (int i : indices) {
            text.append("\n  #").append(i).append(": true ").append(data.className(i)).append(", predicted ")
                    .append(data.classNames().get(predicted[i]));
        }
        return Png.bundle(image(), text.toString());
    }

    private void tile(Graphics2D g, int k, int x, int y) {
        int i = indices[k];
        BufferedImage picture = data.picture(i);
        int w = picture.getWidth() * scale;
        int h = picture.getHeight() * scale;
        int px = x + (tileWidth - 12 - w) / 2;
        g.drawImage(picture.getScaledInstance(w, h, Image.SCALE_FAST), px, y, null);
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(px - 1, y - 1, w + 1, h + 1);
        g.setFont(CAPTION);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(ChartStyle.GREY_TEXT);
        drawFitted(g, fm, "true: " + data.className(i), x, y + h + 14);
        g.setColor(WRONG);
        drawFitted(g, fm, "pred: " + data.classNames().get(predicted[i])
                + String.format(" %.0f%%", 100 * confidence[i]), x, y + h + 28);
    }

    private void drawFitted(Graphics2D g, FontMetrics fm, String s, int x, int y) {
        String shown = s;
        int max = tileWidth - 12;
        if (fm.stringWidth(s) > max) {
            while (shown.length() > 1 && fm.stringWidth(shown + "…") > max) {
                shown = shown.substring(0, shown.length() - 1);
            }
            shown += "…";
        }
        g.drawString(shown, x + (tileWidth - 12 - fm.stringWidth(shown)) / 2, y);
    }
}
