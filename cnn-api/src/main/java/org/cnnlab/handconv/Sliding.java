package org.cnnlab.handconv;

import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.SizeRule;
import org.cnnlab.geometry.Where;
import org.cnnlab.geometry.Window;

/**
 * Where a window can stand on an image: the geometry of one by-hand convolution or pooling, asked of
 * {@link SizeRule} and never worked out here. The window's top-left corner for output cell (i, j) is
 * input cell {@code (i*S - P, j*S - P)}: it starts {@code P} cells inside the padding and moves {@code S}
 * cells (the stride) per output cell.
 *
 * <p>When the stride does not divide {@code N - F + 2P}, {@link SizeRule} refuses. {@code floored} instead
 * does what PyTorch and DJL do silently, keeps the whole window positions only, and says which rows and
 * columns that throws away ({@link #droppedRows()}).
 */
record Sliding(int height, int width, int windowHeight, int windowWidth, int stride, int pad, boolean floored,
        String subject, boolean pool) {

    Window rows() {
        return new Window(windowHeight, stride, pad);
    }

    Window cols() {
        return new Window(windowWidth, stride, pad);
    }

    /** Why the window does not fit, in the builder's words, or null when it does (floored or not). */
    String problem() {
        return floored ? floorProblem() : exactProblem();
    }

    /** Why the window does not fit without a floor, or null when every input row and column takes part. */
    String exactProblem() {
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
    Sliding withFloor() {
        return new Sliding(height, width, windowHeight, windowWidth, stride, pad, true, subject, pool);
    }

    void check() {
        String p = problem();
        if (p != null) {
            throw new GeometryException(p);
        }
    }

    int outHeight() {
        check();
        return (int) Math.floor(SizeRule.exactOutputSize(height, rows()));
    }

    int outWidth() {
        check();
        return (int) Math.floor(SizeRule.exactOutputSize(width, cols()));
    }

    /** How many rows at the bottom of the padded input no window reaches (0 unless floored). */
    int droppedRows() {
        return height + 2 * pad - ((outHeight() - 1) * stride + windowHeight);
    }

    /** How many columns at the right of the padded input no window reaches (0 unless floored). */
    int droppedCols() {
        return width + 2 * pad - ((outWidth() - 1) * stride + windowWidth);
    }

    /** The input row where the window for output row {@code i} starts; negative inside the padding. */
    int top(int i) {
        return i * stride - pad;
    }

    int left(int j) {
        return j * stride - pad;
    }

    /** {@code , stride 3, pad 1}: what differs from the defaults, as a student would say it. */
    String strideAndPad(int defaultStride) {
        return (stride != defaultStride ? ", stride " + stride : "") + (pad != 0 ? ", pad " + pad : "");
    }

    void checkInside(int i, int j, String rowWord) {
        int oh = outHeight();
        int ow = outWidth();
        if (i < 0 || j < 0 || i >= oh || j >= ow) {
            throw new IndexOutOfBoundsException("There is no output cell (" + i + ", " + j + "): the output is "
                    + oh + "x" + ow + ", so " + rowWord + " goes from 0 to " + (oh - 1) + " and col from 0 to "
                    + (ow - 1) + ".");
        }
    }
}
