package org.cnnlab.handconv;

import org.cnnlab.model.PoolLayer.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * One output cell of pooling, worked out: the window of one channel and what survives of it, the largest
 * number (max pooling) or the mean (average pooling).
 *
 * <p>Padding is treated as PyTorch and DJL treat it. Max pooling pads with minus infinity, so a padded cell
 * never wins. Average pooling pads with zeros that <em>count</em> in the mean ({@code count_include_pad=true},
 * PyTorch's default): a 2x2 window with one image cell 4 and three padded zeros averages to 1, not 4.
 */
public final class PoolStep implements CellStep {
    private final Kind kind;
    private final int channel;
    private final int row;
    private final int col;
    private final int top;
    private final int left;
    private final double[][] window;
    private final boolean[][] padding;
    private final double value;
    private final int winnerRow;
    private final int winnerCol;

    PoolStep(Kind kind, int channel, int row, int col, int top, int left, double[][] window, boolean[][] padding) {
        this.kind = kind;
        this.channel = channel;
        this.row = row;
        this.col = col;
        this.top = top;
        this.left = left;
        this.window = window;
        this.padding = padding;
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int wr = -1;
        int wc = -1;
        for (int i = 0; i < window.length; i++) {
            for (int j = 0; j < window[i].length; j++) {
                sum += window[i][j];
                if (window[i][j] > best) {
                    best = window[i][j];
                    wr = i;
                    wc = j;
                }
            }
        }
        this.value = kind == Kind.MAX ? best : sum / count();
        this.winnerRow = kind == Kind.MAX ? wr : -1;
        this.winnerCol = kind == Kind.MAX ? wc : -1;
    }

    public Kind kind() {
        return kind;
    }

    /** The channel (feature map) this window lies on; pooling treats each channel separately. */
    public int channel() {
        return channel;
    }

    /** The output map this step fills: the channel's Java index, as {@link #channel()}. */
    @Override
    public int map() {
        return channel;
    }

    public int row() {
        return row;
    }

    public int col() {
        return col;
    }

    /** The input row of the window's top edge: {@code row * stride - pad}, negative inside the padding. */
    public int top() {
        return top;
    }

    public int left() {
        return left;
    }

    /** The numbers in the window; padded cells hold {@code -Infinity} for max pooling and 0 for average. */
    public double[][] window() {
        double[][] c = new double[window.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = window[i].clone();
        }
        return c;
    }

    public boolean isPadding(int i, int j) {
        return padding[i][j];
    }

    /** For max pooling, true for the window cell whose number survives (the first, if several tie). */
    public boolean isWinner(int i, int j) {
        return i == winnerRow && j == winnerCol;
    }

    /** What this step writes into the output. */
    public double value() {
        return value;
    }

    /**
     * The arithmetic written out: {@code max(1, 1, 5, 6) = 6} or {@code (1 + 1 + 5 + 6) / 4 = 3.25}.
     * Padding is left out of a max and written as 0 in a mean.
     */
    public String calculation() {
        List<String> terms = new ArrayList<>();
        int padded = 0;
        for (int i = 0; i < window.length; i++) {
            for (int j = 0; j < window[i].length; j++) {
                if (padding[i][j]) {
                    padded++;
                }
                if (kind == Kind.AVERAGE || !padding[i][j]) {
                    terms.add(Num.format(window[i][j]));
                }
            }
        }
        if (kind == Kind.MAX) {
            return "max(" + String.join(", ", terms) + ") = " + Num.format(value)
                    + (padded > 0 ? "   (padding never wins a max)" : "");
        }
        return "(" + String.join(" + ", terms).replace("+ -", "- ") + ") / " + count() + " = " + Num.format(value)
                + (padded > 0 ? "   (the " + padded + " padded zeros count)" : "");
    }

    private int count() {
        return window.length * window[0].length;
    }

    @Override
    public String toString() {
        return "output" + "[" + row + "][" + col + "] = " + Num.format(value) + ", window on input rows " + top
                + " to " + (top + window.length - 1) + ", columns " + left + " to " + (left + window[0].length - 1)
                + ":\n" + calculation();
    }
}
