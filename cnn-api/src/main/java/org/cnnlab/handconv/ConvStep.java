package org.cnnlab.handconv;

import java.util.ArrayList;
import java.util.List;

/**
 * One output cell of a convolution, worked out: the window of the input the kernel covers, the products
 * of each number with the kernel weight on top of it, and their sum (a <em>dot product</em>). For an input
 * with several channels the kernel is as deep as the input, so the dot product runs over every channel and
 * the per-channel sums add up to one number; a bias, if any, is added last.
 *
 * <p>Window cells that lie in the zero padding hold 0 and are marked {@link #isPadding(int, int)}.
 */
public final class ConvStep implements CellStep {
    private final int filter;
    private final boolean inBank;
    private final int row;
    private final int col;
    private final int top;
    private final int left;
    private final double[][][] window;
    private final double[][][] kernel;
    private final boolean[][] padding;
    private final double bias;
    private final double[] channelSums;
    private final double value;

    ConvStep(int filter, boolean inBank, int row, int col, int top, int left, double[][][] window, double[][][] kernel,
            boolean[][] padding, double bias) {
        this.filter = filter;
        this.inBank = inBank;
        this.row = row;
        this.col = col;
        this.top = top;
        this.left = left;
        this.window = window;
        this.kernel = kernel;
        this.padding = padding;
        this.bias = bias;
        this.channelSums = new double[window.length];
        double total = 0;
        for (int c = 0; c < window.length; c++) {
            for (int i = 0; i < window[c].length; i++) {
                for (int j = 0; j < window[c][i].length; j++) {
                    channelSums[c] += window[c][i][j] * kernel[c][i][j];
                }
            }
            total += channelSums[c];
        }
        this.value = total + bias;
    }

    /** Which filter of a bank made this cell (0 for a single kernel). */
    public int filter() {
        return filter;
    }

    /** The output map this step fills: the filter's Java index, as {@link #filter()}. */
    @Override
    public int map() {
        return filter;
    }

    /** The output row this step fills. */
    public int row() {
        return row;
    }

    /** The output column this step fills. */
    public int col() {
        return col;
    }

    /** The input row of the window's top edge: {@code row * stride - pad}, negative inside the padding. */
    public int top() {
        return top;
    }

    /** The input column of the window's left edge: {@code col * stride - pad}. */
    public int left() {
        return left;
    }

    /** The input numbers under the kernel, {@code [channel][row][col]}, 0 where the window is on padding. */
    public double[][][] window() {
        return Num.copy(window);
    }

    /** The kernel's weights, {@code [channel][row][col]}. */
    public double[][][] kernel() {
        return Num.copy(kernel);
    }

    /** Each window number times the weight on top of it, {@code [channel][row][col]}. */
    public double[][][] products() {
        double[][][] p = Num.copy(window);
        for (int c = 0; c < p.length; c++) {
            for (int i = 0; i < p[c].length; i++) {
                for (int j = 0; j < p[c][i].length; j++) {
                    p[c][i][j] *= kernel[c][i][j];
                }
            }
        }
        return p;
    }

    /** True when window cell (i, j) lies in the zero padding rather than on the image. */
    public boolean isPadding(int i, int j) {
        return padding[i][j];
    }

    /** The bias added after the dot product (0 when none was given). */
    public double bias() {
        return bias;
    }

    /** The sum of the products, before the bias. */
    public double sum() {
        return value - bias;
    }

    /** The sum of the products of one channel. */
    public double channelSum(int channel) {
        return channelSums[channel];
    }

    /** The number this step writes into the output: the dot product plus the bias. */
    public double value() {
        return value;
    }

    /**
     * The dot product written out, window number times weight: {@code 1*1 + 1*0 + 1*1 + ... = 4}. With
     * several channels, one line per channel and a last line adding them up.
     */
    public String dotProduct() {
        if (window.length == 1) {
            return products(0) + (bias != 0 ? " + " + Num.factor(bias) + " (bias)" : "") + " = " + Num.format(value);
        }
        StringBuilder b = new StringBuilder();
        List<String> sums = new ArrayList<>();
        for (int c = 0; c < window.length; c++) {
            b.append("channel ").append(c + 1).append(": ").append(products(c)).append(" = ")
                    .append(Num.format(channelSums[c])).append('\n');
            sums.add(Num.factor(channelSums[c]));
        }
        b.append("sum: ").append(String.join(" + ", sums));
        if (bias != 0) {
            b.append(" + ").append(Num.factor(bias)).append(" (bias)");
        }
        return b.append(" = ").append(Num.format(value)).toString();
    }

    /** {@code 1*1 + 1*0 + ...} for one channel, without the sum. */
    String products(int c) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < window[c].length; i++) {
            for (int j = 0; j < window[c][i].length; j++) {
                terms.add(Num.factor(window[c][i][j]) + "*" + Num.factor(kernel[c][i][j]));
            }
        }
        return String.join(" + ", terms);
    }

    /** {@code rows 0-2, columns 1-3}: where the window stands on the input (negative rows are padding). */
    public String windowPlace() {
        int h = window[0].length;
        int w = window[0][0].length;
        return "rows " + top + " to " + (top + h - 1) + ", columns " + left + " to " + (left + w - 1);
    }

    /** {@code output[0][1] = 3} and the dot product that made it. */
    @Override
    public String toString() {
        return "output" + (inBank ? "[" + filter + "]" : "") + "[" + row + "][" + col + "] = " + Num.format(value)
                + (inBank ? " (filter " + (filter + 1) + ")" : "") + ", window on input " + windowPlace() + ":\n" + dotProduct();
    }
}
