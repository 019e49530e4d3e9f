package org.cnnlab.handconv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.cnnlab.geometry.Sliding;
import org.cnnlab.geometry.Volume;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;

/**
 * What convolution and pooling by hand share: a window walks over the image where the {@link Sliding} walker
 * of {@code geometry} puts it, and each position is one step that fills one output cell. The results, the
 * step pictures, the animation and the text are made here once for both; {@link ConvByHand} and
 * {@link PoolByHand} say only what one step computes and how it is drawn.
 *
 * @param <O> what {@link #output()} returns
 * @param <S> one step: {@link ConvStep} or {@link PoolStep}
 */
public abstract sealed class SlidingByHand<O, S extends CellStep> implements Displayable permits ConvByHand, PoolByHand {
    final Planes image;
    final int stride;
    final int pad;
    final boolean floored;
    private final Function<double[][][], O> shape;

    SlidingByHand(Planes image, int stride, int pad, boolean floored, Function<double[][][], O> shape) {
        this.image = image;
        this.stride = stride;
        this.pad = pad;
        this.floored = floored;
        this.shape = shape;
    }

    /** Turns {@code [map][row][col]} decimals into the output type: the same for every variant of one computation. */
    Function<double[][][], O> shape() {
        return shape;
    }

    /** Where the window stands at every output cell, as the one walker of {@code geometry} works it out. */
    public abstract Sliding sliding();

    /** How many output maps: one per filter, or one per pooled channel. */
    abstract int maps();

    /** {@code filter} or {@code channel}: what one output map belongs to. */
    abstract String mapWord();

    abstract S step(int map, Sliding.Position at, Sliding s);

    /** How output cell ({@code row}, {@code col}) was computed, where there is one output map. */
    public abstract S step(int row, int col);

    abstract Board overview();

    abstract Board doesNotFit(String problem);

    abstract Board stepBoard(S step, int index, int total, double[][] map);

    /** True when the window fits the image exactly, with no input row or column left over. */
    public boolean fits() {
        return sliding().exactProblem() == null;
    }

    /** Maps x height x width of the output; {@code (N - F + 2P) / S + 1} along each axis. */
    public Volume outputSize() {
        Sliding s = sliding();
        return Volume.of(maps(), s.outHeight(), s.outWidth());
    }

    /** The output; see the class's type parameter for its type. */
    public O output() {
        return shape.apply(values());
    }

    /** The output as {@code [map][row][col]} decimals, whatever the input type. */
    public double[][][] values() {
        Sliding s = sliding();
        double[][][] out = new double[maps()][s.outHeight()][s.outWidth()];
        for (S step : steps()) {
            out[step.map()][step.row()][step.col()] = step.value();
        }
        return out;
    }

    /**
     * How cell ({@code row}, {@code col}) of output map {@code map} was computed. All three are Java indices,
     * counted from 0: map 0 is filter 1 (or channel 1).
     */
    public S step(int map, int row, int col) {
        int n = maps();
        if (map < 0 || map >= n) {
            throw new IndexOutOfBoundsException("There is no " + mapWord() + " at Java index " + map + ": there "
                    + (n == 1 ? "is 1 " + mapWord() : "are " + n + " " + mapWord() + "s") + " (" + mapWord() + " 1 to " + n
                    + "), at Java indices 0 to " + (n - 1) + ".");
        }
        Sliding s = sliding();
        s.checkInside(row, col, "row");
        return step(map, new Sliding.Position(row, col, s.top(row), s.left(col)), s);
    }

    /** Every step, map by map, row by row, as the window visits them. */
    public List<S> steps() {
        Sliding s = sliding();
        List<Sliding.Position> positions = s.positions();
        List<S> all = new ArrayList<>();
        for (int m = 0; m < maps(); m++) {
            for (Sliding.Position at : positions) {
                all.add(step(m, at, s));
            }
        }
        return all;
    }

    /**
     * A picture of step ({@code row}, {@code col}): the input with its padding in grey, the window outlined,
     * the arithmetic written out, and the output with this cell highlighted (earlier cells filled, later ones
     * still empty). Plain HTML with inline styles: it shows in a notebook, an exported HTML file and on
     * GitHub, with no JavaScript.
     */
    public Displayable stepView(int row, int col) {
        return stepView(step(row, col).map(), row, col);
    }

    /** As {@link #stepView(int, int)} for output map {@code map} (a Java index). */
    public Displayable stepView(int map, int row, int col) {
        S st = step(map, row, col);
        Volume v = outputSize();
        int index = map * v.height() * v.width() + row * v.width() + col;
        return View.of(st.toString(), BoardHtml.of(stepBoard(st, index, (int) v.size(), values()[map])));
    }

    /** Every step, one small picture each; past 36 steps the rest are only counted. */
    public Displayable stepsView() {
        List<S> all = steps();
        return StepList.view(boards(all, StepList.MOST), all.stream().map(Object::toString).toList());
    }

    /**
     * The steps as an animated GIF, one frame per step, looping: a moving picture that needs no JavaScript
     * and plays in a notebook, an exported HTML file, on GitHub and in any image viewer.
     *
     * @throws IllegalStateException past 400 steps; animate a smaller image
     */
    public Displayable animation() {
        List<S> all = steps();
        StepAnimation.checkFrames(all.size(), "crop the image" + (maps() > 1 ? " or use fewer " + mapWord() + "s" : "")
                + ", or look at single steps with stepView(row, col)");
        return StepAnimation.view(boards(all, all.size()), sliding().subject() + ": " + all.size() + " steps, animated");
    }

    /** The first {@code most} steps drawn, each with the output filled in up to it. */
    private List<Board> boards(List<S> all, int most) {
        double[][][] v = values();
        return StepList.boards(all, most, (st, n) -> stepBoard(st, n, all.size(), v[st.map()]));
    }

    /**
     * The whole computation as a picture: a PNG and the same board as HTML, with no JavaScript. When the
     * window does not fit, the explanation with the rows and columns a floor would throw away struck out.
     */
    public Displayable picture() {
        return View.picture(toString(), board());
    }

    private Board board() {
        String problem = sliding().problem();
        return problem != null ? doesNotFit(problem) : overview();
    }

    /**
     * The whole computation drawn: input (padding in grey), window, output; when the window does not fit, the
     * explanation instead, with a picture of what a floor would throw away. Nothing is thrown, so a notebook
     * cell that ends in {@code Conv.byHand(...).stride(3)} shows why.
     */
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

    /** The output, aligned, under a line saying what was computed; or why it does not fit. */
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
        for (int m = 0; m < v.length; m++) {
            if (v.length > 1) {
                b.append(mapWord()).append(' ').append(m + 1).append(":\n");
            }
            b.append(MatrixText.of(v[m]));
        }
        return b.toString().stripTrailing();
    }
}
