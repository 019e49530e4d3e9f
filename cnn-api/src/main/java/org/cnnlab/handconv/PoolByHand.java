package org.cnnlab.handconv;

import org.cnnlab.model.PoolLayer.Kind;

import org.cnnlab.geometry.Sliding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.cnnlab.geometry.Volume;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;

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
public final class PoolByHand<O> implements Displayable {
    private final Kind kind;
    private final Planes image;
    private final int size;
    private final int stride;
    private final int pad;
    private final boolean floored;
    private final Function<double[][][], O> shape;

    private PoolByHand(Kind kind, Planes image, int size, int stride, int pad, boolean floored,
            Function<double[][][], O> shape) {
        this.kind = kind;
        this.image = image;
        this.size = size;
        this.stride = stride;
        this.pad = pad;
        this.floored = floored;
        this.shape = shape;
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
        return new PoolByHand<>(kind, image, size, s, pad, floored, shape);
    }

    /** Pads each side with {@code p} cells (at most half the window), as PyTorch does; see the class comment. */
    public PoolByHand<O> pad(int p) {
        return new PoolByHand<>(kind, image, size, stride, p, floored, shape);
    }

    /** Floors a size that does not fit, as PyTorch does silently; the views strike out the ignored cells. */
    public PoolByHand<O> floored() {
        return new PoolByHand<>(kind, image, size, stride, pad, true, shape);
    }

    public Kind kind() {
        return kind;
    }

    /** True when the windows cover the image exactly, with no input row or column left over. */
    public boolean fits() {
        return sliding().exactProblem() == null;
    }

    /** Channels x height x width of the output: pooling keeps the channels. */
    public Volume outputSize() {
        Sliding s = sliding();
        return Volume.of(image.channels(), s.outHeight(), s.outWidth());
    }

    /** The pooled map(s); see the class's type parameter for the type. */
    public O output() {
        return shape.apply(values());
    }

    /** The output as {@code [channel][row][col]} decimals. */
    public double[][][] values() {
        Sliding s = sliding();
        double[][][] out = new double[image.channels()][s.outHeight()][s.outWidth()];
        for (PoolStep step : steps()) {
            out[step.channel()][step.row()][step.col()] = step.value();
        }
        return out;
    }

    /** How output cell ({@code row}, {@code col}) of a one-channel image was computed. */
    public PoolStep step(int row, int col) {
        if (image.channels() > 1) {
            throw new IllegalArgumentException("This image has " + image.channels()
                    + " channels, pooled one by one: say which, step(channel, row, col).");
        }
        return step(0, row, col);
    }

    /** How cell ({@code row}, {@code col}) of channel {@code channel}'s pooled map was computed. */
    public PoolStep step(int channel, int row, int col) {
        if (channel < 0 || channel >= image.channels()) {
            throw new IndexOutOfBoundsException("There is no channel at Java index " + channel + ": the image has "
                    + image.channels() + " (channel 1 to " + image.channels() + "), at Java indices 0 to "
                    + (image.channels() - 1) + ".");
        }
        Sliding s = sliding();
        s.checkInside(row, col, "row");
        return step(channel, new Sliding.Position(row, col, s.top(row), s.left(col)), s);
    }

    private PoolStep step(int channel, Sliding.Position at, Sliding s) {
        // Padding never wins a max (minus infinity) and counts as zero in a mean, as in PyTorch.
        double outside = kind == Kind.MAX ? Double.NEGATIVE_INFINITY : 0;
        double[][] window = image.window(at.top(), at.left(), size, size, outside)[channel];
        return new PoolStep(kind, channel, at.row(), at.col(), at.top(), at.left(), window,
                s.paddingMask(at.row(), at.col()));
    }

    /** Every step, channel by channel, row by row. */
    public List<PoolStep> steps() {
        Sliding s = sliding();
        List<Sliding.Position> positions = s.positions();
        List<PoolStep> all = new ArrayList<>();
        for (int c = 0; c < image.channels(); c++) {
            for (Sliding.Position at : positions) {
                all.add(step(c, at, s));
            }
        }
        return all;
    }

    /**
     * A picture of step ({@code row}, {@code col}): the window on the input (padding in grey), the winning
     * cell of a max filled in amber or the mean written out, and the output with this cell highlighted.
     * Plain HTML with inline styles, no JavaScript.
     */
    public Displayable stepView(int row, int col) {
        PoolStep st = step(row, col);
        return stepView(st.channel(), row, col);
    }

    /** As {@link #stepView(int, int)} on one channel. */
    public Displayable stepView(int channel, int row, int col) {
        PoolStep st = step(channel, row, col);
        Volume v = outputSize();
        int index = channel * v.height() * v.width() + row * v.width() + col;
        return View.of(st.toString(), BoardHtml.of(PoolBoards.step(this, st, index, (int) v.size(), values()[channel])));
    }

    /** Every step, one small picture each; past 36 steps the rest are only counted. */
    public Displayable stepsView() {
        List<PoolStep> all = steps();
        return StepList.view(boards(all, StepList.MOST), all.stream().map(PoolStep::toString).toList());
    }

    /** The steps as a looping animated GIF, one frame per step; see {@link ConvByHand#animation()}. */
    public Displayable animation() {
        List<PoolStep> all = steps();
        StepAnimation.checkFrames(all.size(), "crop the image, or look at single steps with stepView(row, col)");
        return StepAnimation.view(boards(all, all.size()), sliding().subject() + ": " + all.size() + " steps, animated");
    }

    /** The first {@code most} steps drawn, each with the output filled in up to it. */
    private List<Board> boards(List<PoolStep> all, int most) {
        double[][][] v = values();
        return StepList.boards(all, most, (st, n) -> PoolBoards.step(this, st, n, all.size(), v[st.channel()]));
    }

    /** The pooling drawn, or, when the window does not tile the image, the explanation with a picture. */
    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.text(toString()).withHtml(BoardHtml.of(board()));
    }

    /** The image's numbers, {@code [channel][row][col]}. */
    public double[][][] input() {
        return image.values();
    }

    /** The stride: how many cells the window moves between positions. */
    public int stride() {
        return stride;
    }

    /** The cells of padding on each side. */
    public int pad() {
        return pad;
    }

    /** The pooling drawn as a PNG and the same board as HTML, with no JavaScript; or why it does not fit. */
    public Displayable picture() {
        return View.picture(toString(), board());
    }

    private Board board() {
        String problem = sliding().problem();
        return problem != null ? PoolBoards.doesNotFit(this, problem) : PoolBoards.overview(this);
    }

    /** Where the window stands at every output cell, as the one walker of {@code geometry} works it out. */
    public Sliding sliding() {
        String subject = kind.call() + "(" + image.size() + " image, " + size + "x" + size + " window"
                + (stride != size ? ", stride " + stride : "") + (pad != 0 ? ", pad " + pad : "") + ")";
        return new Sliding(image.height(), image.width(), size, size, stride, pad, floored, subject, true);
    }

    Planes image() {
        return image;
    }

    /** The window's size: {@code size x size}. */
    public int size() {
        return size;
    }

    /** The pooled map(s), aligned, under a line saying what was pooled; or why it does not fit. */
    @Override
    public String toString() {
        Sliding s = sliding();
        String problem = s.problem();
        if (problem != null) {
            return problem;
        }
        StringBuilder b = new StringBuilder(s.subject() + (floored && !fits() ? ", floored" : "") + " gives "
                + outputSize() + ":\n");
        double[][][] v = values();
        for (int c = 0; c < v.length; c++) {
            if (v.length > 1) {
                b.append("channel ").append(c + 1).append(":\n");
            }
            b.append(MatrixText.of(v[c]));
        }
        return b.toString().stripTrailing();
    }
}
