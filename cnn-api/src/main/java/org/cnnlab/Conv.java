package org.cnnlab;

import org.cnnlab.geometry.SizeRule;
import org.cnnlab.handconv.ConvByHand;
import org.cnnlab.geometry.Window;

/**
 * Convolution for lessons: how big is the output ({@link #outputSize}), and what does the convolution
 * compute, cell by cell ({@link #byHand}). See {@link SizeRule} for the formula and why a result that is
 * not a whole number is refused rather than floored.
 *
 * <pre>{@code
 * int[][] image = {{1,1,1,0,0}, {0,1,1,1,0}, {0,0,1,1,1}, {0,0,1,1,0}, {0,1,1,0,0}};
 * int[][] kernel = {{1,0,1}, {0,1,0}, {1,0,1}};
 * var conv = Conv.byHand(image, kernel);
 * conv.output();               // {{4,3,4}, {2,4,3}, {2,3,4}}
 * conv.step(0, 0).dotProduct(); // "1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4"
 * conv.stepView(0, 0);          // the window, the kernel and the output cell, drawn
 * }</pre>
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

    /**
     * {@code (N - F + 2P) / S + 1} worked out exactly, without refusing: {@code 2.33} where the filter does not
     * fit, so a lesson can print which strides fit and which do not. {@link #outputSize} is the one to build with.
     */
    public static double exactOutputSize(int n, int f, int stride, int pad) {
        return SizeRule.exactOutputSize(n, new Window(f, stride, pad));
    }

    /** As {@link #outputSize(int, int, int, int)} with stride 1 and no padding: {@code N - F + 1}. */
    public static int outputSize(int n, int f) {
        return outputSize(n, f, 1, 0);
    }

    /**
     * Convolves a grey image with one kernel by hand, whole numbers: {@code output()} is an {@code int[][]};
     * {@code step(row, col)} tells how each cell was made. Chain {@code .stride(s)}, {@code .pad(p)},
     * {@code .bias(b)}.
     *
     * @see ConvByHand
     */
    public static ConvByHand<int[][]> byHand(int[][] image, int[][] kernel) {
        return ConvByHand.of(image, kernel);
    }

    /** As {@link #byHand(int[][], int[][])} with any numbers: {@code output()} is a {@code double[][]}. */
    public static ConvByHand<double[][]> byHand(double[][] image, double[][] kernel) {
        return ConvByHand.of(image, kernel);
    }

    /**
     * An image with channels, {@code [channel][row][col]}, and one kernel just as deep: each position's dot
     * product runs over every channel and gives one number, so the output is one map, {@code int[][]}.
     */
    public static ConvByHand<int[][]> byHand(int[][][] image, int[][][] kernel) {
        return ConvByHand.of(image, kernel);
    }

    /** As {@link #byHand(int[][][], int[][][])} with any numbers. */
    public static ConvByHand<double[][]> byHand(double[][][] image, double[][][] kernel) {
        return ConvByHand.of(image, kernel);
    }

    /**
     * A bank of filters {@code [filter][channel][row][col]}, each as deep as the image: one output map per
     * filter, stacked as {@code int[filter][row][col]}. Six 5x5x3 filters over a 32x32x3 image give 6x28x28.
     */
    public static ConvByHand<int[][][]> byHand(int[][][] image, int[][][][] filters) {
        return ConvByHand.of(image, filters);
    }

    /** As {@link #byHand(int[][][], int[][][][])} with any numbers. */
    public static ConvByHand<double[][][]> byHand(double[][][] image, double[][][][] filters) {
        return ConvByHand.of(image, filters);
    }
}
