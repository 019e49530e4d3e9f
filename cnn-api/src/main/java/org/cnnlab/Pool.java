package org.cnnlab;

import org.cnnlab.geometry.SizeRule;
import org.cnnlab.geometry.Where;
import org.cnnlab.geometry.Window;
import org.cnnlab.handconv.PoolByHand;
import org.cnnlab.model.PoolLayer.Kind;

/**
 * Pooling for lessons: how big is the output ({@link #outputSize}), and what does pooling keep of each
 * window, worked out by hand ({@link #max}, {@link #average}).
 *
 * <p>A pooling window slides over each channel separately and keeps one number per position: the largest
 * (max pooling) or the mean (average pooling). By default it moves as far as it is wide, so a 2x2 window
 * halves height and width.
 *
 * <pre>{@code
 * var pool = Pool.max(new int[][] {{1,1,2,4}, {5,6,7,8}, {3,2,1,0}, {1,2,3,4}}, 2);
 * pool.output();                  // {{6,8}, {3,4}}
 * pool.step(0, 0).calculation();  // "max(1, 1, 5, 6) = 6"
 * }</pre>
 */
public final class Pool {
    private Pool() {}

    /**
     * {@code (N - F + 2P) / S + 1}: the output size of an {@code f}-wide pooling window sliding over an
     * {@code n}-wide input with {@code stride} and {@code pad} cells of padding on each side.
     *
     * @throws org.cnnlab.geometry.GeometryException when the window does not tile the input, with the
     *     arithmetic and the nearest strides or paddings that would
     */
    public static int outputSize(int n, int f, int stride, int pad) {
        return SizeRule.outputSize(n, new Window(f, stride, pad), Where.ANYWHERE.withPool(true));
    }

    /** As {@link #outputSize(int, int, int, int)} with the usual stride (the window size) and no padding: N / F. */
    public static int outputSize(int n, int f) {
        return outputSize(n, f, f, 0);
    }

    /** Max pooling by hand with a {@code size x size} window: each output cell is its window's largest number. */
    public static PoolByHand<int[][]> max(int[][] image, int size) {
        return PoolByHand.max(image, size);
    }

    /** As {@link #max(int[][], int)} with any numbers. */
    public static PoolByHand<double[][]> max(double[][] image, int size) {
        return PoolByHand.of(Kind.MAX, image, size);
    }

    /** Max pooling of each channel of an image {@code [channel][row][col]}: the channels stay. */
    public static PoolByHand<int[][][]> max(int[][][] image, int size) {
        return PoolByHand.max(image, size);
    }

    /** As {@link #max(int[][][], int)} with any numbers. */
    public static PoolByHand<double[][][]> max(double[][][] image, int size) {
        return PoolByHand.of(Kind.MAX, image, size);
    }

    /**
     * Average pooling by hand with a {@code size x size} window: each output cell is its window's mean.
     * Padded cells count as zeros in the mean, as PyTorch's default ({@code count_include_pad=true}).
     */
    public static PoolByHand<double[][]> average(int[][] image, int size) {
        return PoolByHand.average(image, size);
    }

    /** As {@link #average(int[][], int)} with any numbers. */
    public static PoolByHand<double[][]> average(double[][] image, int size) {
        return PoolByHand.of(Kind.AVERAGE, image, size);
    }

    /** Average pooling of each channel of an image {@code [channel][row][col]}. */
    public static PoolByHand<double[][][]> average(int[][][] image, int size) {
        return PoolByHand.average(image, size);
    }

    /** As {@link #average(int[][][], int)} with any numbers. */
    public static PoolByHand<double[][][]> average(double[][][] image, int size) {
        return PoolByHand.of(Kind.AVERAGE, image, size);
    }
}
