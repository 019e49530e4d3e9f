package org.cnnlab;

import org.cnnlab.geometry.SizeRule;
import org.cnnlab.geometry.Window;

/**
 * Convolution arithmetic for lessons: how big is the output? See {@link SizeRule} for the formula and why
 * a result that is not a whole number is refused rather than floored.
 */
public final class Conv {
    private Conv() {}

    /**
     * {@code (N - F + 2P) / S + 1}: the output size of an {@code f}-wide filter sliding over an
     * {@code n}-wide input with {@code stride} and {@code pad} zeros on each side.
     *
     * @throws org.cnnlab.geometry.GeometryException when the filter does not fit, with the arithmetic and
     *     the nearest strides or paddings that would
     */
    public static int outputSize(int n, int f, int stride, int pad) {
        return SizeRule.outputSize(n, new Window(f, stride, pad));
    }

    /** As {@link #outputSize(int, int, int, int)} with stride 1 and no padding: {@code N - F + 1}. */
    public static int outputSize(int n, int f) {
        return outputSize(n, f, 1, 0);
    }
}
