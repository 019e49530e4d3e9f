package org.cnnlab.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * The walker over window positions: where a filter or pooling window can stand on an image, asked of
 * {@link SizeRule} and never worked out anywhere else. The by-hand convolution and pooling, their pictures and
 * the interactive explorers all walk the same positions through this one class.
 *
 * <p>The window's top-left corner for output cell (i, j) is input cell {@code (i*S - P, j*S - P)}: it starts
 * {@code P} cells inside the padding and moves {@code S} cells (the stride) per output cell.
 *
 * <p>When the stride does not divide {@code N - F + 2P}, {@link SizeRule} refuses. {@code floored} instead
 * does what PyTorch and DJL do silently, keeps the whole window positions only, and says which rows and
 * columns that throws away ({@link #droppedRows()}).
 *
 * @param subject what slides, as an error's first words, e.g. {@code Conv.byHand(7x7 image, 3x3 kernel)}
 * @param pool    true for a pooling window (its padding rule differs), false for a filter
 */
public record Sliding(int height, int width, int windowHeight, int windowWidth, int stride, int pad,
        boolean floored, String subject, boolean pool) {

    /** One position of the window: output cell ({@code row}, {@code col}) and the input cell under its top-left corner. */
    public record Position(int row, int col, int top, int left) {}

    public Window rows() {
        return new Window(windowHeight, stride, pad);
    }

    public Window cols() {
        return new Window(windowWidth, stride, pad);
    }

    /** Why the window does not fit, in the builder's words, or null when it does (floored or not). */
    public String problem() {
        return floored ? floorProblem() : exactProblem();
    }

    /** Why the window does not fit without a floor, or null when every input row and column takes part. */
    public String exactProblem() {
        Where where = new Where(subject, "", pool);
        if (height == width && windowHeight == windowWidth) {
            return SizeRule.problem(height, rows(), where.along("height and width"));
        }
        String p = SizeRule.problem(height, rows(), where.along("height"));
        return p != null ? p : SizeRule.problem(width, cols(), where.along("width"));
    }

    private String floorProblem() {
        String exact = exactProblem();
        if (exact == null || stride < 1) {
            return exact;
        }
        // A floor rescues only a stride that does not divide: with stride 1 everything else must fit.
        Sliding step1 = new Sliding(height, width, windowHeight, windowWidth, 1, pad, false, subject, pool);
        return step1.exactProblem();
    }

    /** The same geometry with PyTorch's floor, to draw what a floor would throw away. */
    public Sliding withFloor() {
        return new Sliding(height, width, windowHeight, windowWidth, stride, pad, true, subject, pool);
    }

    /** Throws the explained {@link GeometryException} when the window does not fit. */
    public void check() {
        String p = problem();
        if (p != null) {
            throw new GeometryException(p);
        }
    }

    public int outHeight() {
        check();
        return (int) Math.floor(SizeRule.exactOutputSize(height, rows()));
    }

    public int outWidth() {
        check();
        return (int) Math.floor(SizeRule.exactOutputSize(width, cols()));
    }

    /** How many rows at the bottom of the padded input no window reaches (0 unless floored). */
    public int droppedRows() {
        return height + 2 * pad - ((outHeight() - 1) * stride + windowHeight);
    }

    /** How many columns at the right of the padded input no window reaches (0 unless floored). */
    public int droppedCols() {
        return width + 2 * pad - ((outWidth() - 1) * stride + windowWidth);
    }

    /** The input row where the window for output row {@code i} starts; negative inside the padding. */
    public int top(int i) {
        return i * stride - pad;
    }

    /** The input column where the window for output column {@code j} starts; negative inside the padding. */
    public int left(int j) {
        return j * stride - pad;
    }

    /** True when input cell ({@code row}, {@code col}) lies in the padding ring rather than on the image. */
    public boolean isPadding(int row, int col) {
        return row < 0 || col < 0 || row >= height || col >= width;
    }

    /** For the window at output cell (i, j): which of its cells lie in the padding, {@code [row][col]}. */
    public boolean[][] paddingMask(int i, int j) {
        boolean[][] mask = new boolean[windowHeight][windowWidth];
        for (int r = 0; r < windowHeight; r++) {
            for (int c = 0; c < windowWidth; c++) {
                mask[r][c] = isPadding(top(i) + r, left(j) + c);
            }
        }
        return mask;
    }

    /** Every position of the window, row by row, as it slides. */
    public List<Position> positions() {
        int oh = outHeight();
        int ow = outWidth();
        List<Position> all = new ArrayList<>(oh * ow);
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                all.add(new Position(i, j, top(i), left(j)));
            }
        }
        return all;
    }

    /** The formula along the height with the real numbers and its value: {@code (7 - 3 + 2*0) / 3 + 1 = 2.33}. */
    public String heightFormula() {
        return formula(height, rows());
    }

    /** As {@link #heightFormula()} along the width. */
    public String widthFormula() {
        return formula(width, cols());
    }

    private static String formula(int n, Window w) {
        double exact = SizeRule.exactOutputSize(n, w);
        String value = exact == Math.rint(exact) ? Long.toString((long) exact) : String.format(java.util.Locale.ROOT, "%.2f", exact);
        return SizeRule.formula(n, w) + " = " + (n - w.size() + 2 * w.pad()) + "/" + w.stride() + " + 1 = " + value;
    }

    /** {@code , stride 3, pad 1}: what differs from the defaults, as a student would say it. */
    public String strideAndPad(int defaultStride) {
        return (stride != defaultStride ? ", stride " + stride : "") + (pad != 0 ? ", pad " + pad : "");
    }

    /**
     * Refuses an output cell outside the output. {@code row} and {@code col} are Java indices, counted from 0,
     * as in {@code output[row][col]}.
     */
    public void checkInside(int i, int j, String rowWord) {
        int oh = outHeight();
        int ow = outWidth();
        if (i < 0 || j < 0 || i >= oh || j >= ow) {
            throw new IndexOutOfBoundsException("There is no output cell (" + i + ", " + j + "): the output is "
                    + oh + "x" + ow + ", so " + rowWord + " goes from 0 to " + (oh - 1) + " and col from 0 to " + (ow - 1)
                    + " (Java indices, counted from 0).");
        }
    }
}
