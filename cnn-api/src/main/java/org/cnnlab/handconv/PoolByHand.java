package org.cnnlab.handconv;

import org.cnnlab.model.PoolLayer.Kind;

import org.cnnlab.geometry.Sliding;

import java.util.List;
import java.util.function.Function;

/**
 * Pooling worked out by hand: a window slides over each channel separately and keeps one number of what it
 * covers, the largest ({@link Kind#MAX}) or the mean ({@link Kind#AVERAGE}). Pooling learns nothing;
 * it shrinks the maps so that later layers see a wider part of the image for the same cost, and it makes
 * the result care less about a feature moving by a pixel. Made by {@link org.cnnlab.Pool#max(int[][], int)}
 * and {@link org.cnnlab.Pool#average(int[][], int)}.
 *
 * <p>By default the stride equals the window size, so the windows tile the map without overlapping: a 2x2
 * window halves height and width. {@link #stride(int)} makes them overlap (AlexNet's 3x3, stride 2) or skip.
 * {@link #pad(int)} adds a border as PyTorch does: minus infinity for max pooling (padding never wins), zeros
 * that count in the mean for average pooling ({@code count_include_pad=true}, PyTorch's default).
 *
 * <p>Sizes follow {@code (N - F + 2P) / S + 1} from {@link org.cnnlab.geometry.SizeRule}; a window that does not
 * tile the input is refused with the builder's explanation, or floored on request ({@link #floored()}).
 * Immutable and lazy, as {@link ConvByHand}.
 *
 * @param <O> what {@link #output()} returns: {@code int[][]} for max pooling of whole numbers,
 *     {@code double[][]} otherwise, {@code [channel][row][col]} for a multi-channel image
 */
public final class PoolByHand<O> extends SlidingByHand<O, PoolStep> {
    private final Kind kind;
    private final int size;

    private PoolByHand(Kind kind, Planes image, int size, int stride, int pad, boolean floored,
            Function<double[][][], O> shape) {
        super(image, stride, pad, floored, shape);
        this.kind = kind;
        this.size = size;
    }

    /** Max pooling of whole numbers: {@code output()} is an {@code int[][]}. */
    public static PoolByHand<int[][]> max(int[][] image, int size) {
        return new PoolByHand<>(Kind.MAX, Planes.of("the image", image), size, size, 0, false,
                v -> Num.toInts(v[0]));
    }

    /** Max pooling of each channel of {@code [channel][row][col]}: {@code output()} is {@code int[][][]}. */
    public static PoolByHand<int[][][]> max(int[][][] image, int size) {
        return new PoolByHand<>(Kind.MAX, Planes.of("the image", image), size, size, 0, false, Num::toInts);
    }

    /** Pooling of any numbers, one map: {@code output()} is a {@code double[][]}. */
    public static PoolByHand<double[][]> of(Kind kind, double[][] image, int size) {
        return new PoolByHand<>(kind, Planes.of("the image", image), size, size, 0, false, v -> v[0]);
    }

    /** Pooling of each channel of {@code [channel][row][col]}: {@code output()} is {@code double[][][]}. */
    public static PoolByHand<double[][][]> of(Kind kind, double[][][] image, int size) {
        return new PoolByHand<>(kind, Planes.of("the image", image), size, size, 0, false, v -> v);
    }

    /** Average pooling of whole numbers; the means may be fractions, so {@code output()} is a {@code double[][]}. */
    public static PoolByHand<double[][]> average(int[][] image, int size) {
        return new PoolByHand<>(Kind.AVERAGE, Planes.of("the image", image), size, size, 0, false,
                v -> v[0]);
    }

    /** Average pooling of each channel: {@code output()} is {@code double[][][]}. */
    public static PoolByHand<double[][][]> average(int[][][] image, int size) {
        return new PoolByHand<>(Kind.AVERAGE, Planes.of("the image", image), size, size, 0, false, v -> v);
    }

    /** Moves the window {@code s} cells between positions (by default as far as its size). */
    public PoolByHand<O> stride(int s) {
        return new PoolByHand<>(kind, image, size, s, pad, floored, shape());
    }

    /** Pads each side with {@code p} cells (at most half the window), as PyTorch does; see the class comment. */
    public PoolByHand<O> pad(int p) {
        return new PoolByHand<>(kind, image, size, stride, p, floored, shape());
    }

    /** Floors a size that does not fit, as PyTorch does silently; the views strike out the ignored cells. */
    public PoolByHand<O> floored() {
        return new PoolByHand<>(kind, image, size, stride, pad, true, shape());
    }

    public Kind kind() {
        return kind;
    }

    /** The window's size: {@code size x size}. */
    public int size() {
        return size;
    }

    /** How output cell ({@code row}, {@code col}) of a one-channel image was computed. */
    @Override
    public PoolStep step(int row, int col) {
        if (image.channels() > 1) {
            throw new IllegalArgumentException("This image has " + image.channels()
                    + " channels, pooled one by one: say which, step(channel, row, col), with the channel's Java "
                    + "index (0 for channel 1).");
        }
        return step(0, row, col);
    }

    @Override
    PoolStep step(int channel, Sliding.Position at, Sliding s) {
        // Padding never wins a max (minus infinity) and counts as zero in a mean, as in PyTorch.
        double outside = kind == Kind.MAX ? Double.NEGATIVE_INFINITY : 0;
        double[][] window = image.window(at.top(), at.left(), size, size, outside)[channel];
        return new PoolStep(kind, channel, at.row(), at.col(), at.top(), at.left(), window,
                s.paddingMask(at.row(), at.col()));
    }

    @Override
    int maps() {
        return image.channels();
    }

    @Override
    String mapWord() {
        return "channel";
    }

    @Override
    Board overview() {
        return PoolBoards.overview(this);
    }

    @Override
    Board doesNotFit(String problem) {
        return PoolBoards.doesNotFit(this, problem);
    }

    @Override
    Board stepBoard(PoolStep step, int index, int total, double[][] map) {
        return PoolBoards.step(this, step, index, total, map);
    }

    @Override
    public Sliding sliding() {
        String subject = kind.call() + "(" + image.size() + " image, " + size + "x" + size + " window"
                + (stride != size ? ", stride " + stride : "") + (pad != 0 ? ", pad " + pad : "") + ")";
        return new Sliding(image.height(), image.width(), size, size, stride, pad, floored, subject, true);
    }

    Planes image() {
        return image;
    }
}
