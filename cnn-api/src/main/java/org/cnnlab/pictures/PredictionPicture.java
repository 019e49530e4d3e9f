package org.cnnlab.pictures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One image and what a network made of it: the picture (enlarged, pixels as blocks), its true class, and a
 * bar per class with the probability the network gave it. The answer (the longest bar) is green when it is
 * the true class and red when it is not; the true class's name is in bold either way, so a wrong answer
 * shows both what was said and what was meant.
 *
 * <p>Made by {@code prediction.picture(image, trueClass)}.
 */
public final class PredictionPicture extends Picture {
    private static final Color RIGHT = new Color(0x2e7d32);
    private static final Color WRONG = new Color(0xc62828);
    private static final Color OTHER = new Color(0x9e9e9e);
    private static final int IMAGE_SIDE = 196;
    private static final int BAR_WIDTH = 260;
    private static final int ROW = 22;

    private final float[][][] image;
    private final String trueClass;
    private final float[] probabilities;
    private final List<String> names;

    private PredictionPicture(float[][][] image, String trueClass, float[] probabilities, List<String> names) {
        this.image = image;
        this.trueClass = trueClass;
        this.probabilities = probabilities;
        this.names = names;
    }

    /**
     * A picture of {@code image} ({@code [channel][row][column]}), its {@code trueClass} (null when unknown), and
     * one probability per class named by {@code classNames} (null or short: classes are numbered from 0, as
     * labels are).
     */
    public static PredictionPicture of(float[][][] image, String trueClass, float[] probabilities, List<String> classNames) {
        if (image == null || image.length == 0 || probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("PredictionPicture needs an image [channel][row][column] and one "
                    + "probability per class. Received: " + (image == null ? "no image" : image.length + " channels")
                    + " and " + (probabilities == null ? "no probabilities" : probabilities.length + " probabilities") + ".");
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < probabilities.length; k++) {
            names.add(classNames != null && k < classNames.size() ? classNames.get(k) : Integer.toString(k));
        }
        return new PredictionPicture(image, trueClass, probabilities.clone(), names);
    }

    /** The index of the most probable class. */
    int answer() {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    /** True when the answer is the true class (false when the true class is unknown). */
    public boolean right() {
        return names.get(answer()).equals(trueClass);
    }

    @Override
    public BufferedImage image() {
        int labels = 0;
        for (String n : names) {
            labels = Math.max(labels, Painter.width(Painter.LABEL, n));
        }
        int top = Painter.MARGIN + Painter.lineHeight(Painter.TITLE) + 8;
        int barsLeft = Painter.MARGIN + IMAGE_SIDE + 28 + labels + 8;
        int width = barsLeft + BAR_WIDTH + 60 + Painter.MARGIN;
        int height = Math.max(top + IMAGE_SIDE + 24, top + names.size() * ROW) + Painter.MARGIN;
        Graphics2D[] g = new Graphics2D[1];
        BufferedImage img = Painter.canvas(width, height, g);
        Painter.text(g[0], title(), Painter.TITLE, Painter.INK, Painter.MARGIN, Painter.MARGIN, -1);
        BufferedImage picture = Swatch.image(image);
        int k = Math.max(1, IMAGE_SIDE / Math.max(picture.getWidth(), picture.getHeight()));
        g[0].drawImage(picture, Painter.MARGIN, top, picture.getWidth() * k, picture.getHeight() * k, null);
        g[0].setColor(Painter.FRAME);
        g[0].drawRect(Painter.MARGIN, top, picture.getWidth() * k, picture.getHeight() * k);
        Painter.text(g[0], "true class: " + (trueClass == null ? "unknown" : trueClass), Painter.LABEL, Painter.INK,
                Painter.MARGIN, top + picture.getHeight() * k + 6, -1);
        int answer = answer();
        for (int c = 0; c < names.size(); c++) {
            int y = top + c * ROW;
            boolean isTrue = names.get(c).equals(trueClass);
            Painter.text(g[0], names.get(c), isTrue ? Painter.TITLE.deriveFont(12f) : Painter.LABEL, Painter.INK,
                    barsLeft - 8, y + 2, 1);
            int length = Math.round(probabilities[c] * BAR_WIDTH);
            g[0].setColor(c == answer ? (isTrue || trueClass == null ? RIGHT : WRONG) : OTHER);
            g[0].fillRect(barsLeft, y + 3, Math.max(1, length), ROW - 8);
            Painter.text(g[0], String.format("%.1f%%", 100 * probabilities[c]), Painter.CAPTION, Painter.MUTED,
                    barsLeft + length + 6, y + 3, -1);
        }
        g[0].dispose();
        return img;
    }

    private String title() {
        String said = names.get(answer()) + String.format(" (%.1f%%)", 100 * probabilities[answer()]);
        return trueClass == null ? "The network says " + said
                : (right() ? "Right: the network says " : "Wrong: the network says ") + said;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(title()).append("; true class: ")
                .append(trueClass == null ? "unknown" : trueClass).append("\nprobabilities:");
        for (int c = 0; c < names.size(); c++) {
            s.append(String.format(" %s %.1f%%%s", names.get(c), 100 * probabilities[c], c < names.size() - 1 ? "," : ""));
        }
        return s.toString();
    }
}
