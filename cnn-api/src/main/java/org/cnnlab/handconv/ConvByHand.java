package org.cnnlab.handconv;

import org.cnnlab.geometry.Sliding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A convolution worked out by hand: a small kernel (a filter) slides over an image and, at every position,
 * multiplies the numbers under it by its weights and adds the products up. That sum is one cell of the
 * output, the <em>feature map</em>. Made by {@link org.cnnlab.Conv#byHand(int[][], int[][])}.
 *
 * <ul>
 *   <li><b>Stride</b> ({@link #stride(int)}): how many cells the kernel moves between two positions. Stride
 *       1 visits every position; stride 2 every other one, roughly halving the output.</li>
 *   <li><b>Padding</b> ({@link #pad(int)}): a border of zeros around the image. Without it the kernel never
 *       centres on an edge cell and each layer shrinks the image by {@code F - 1}; with {@code P = (F-1)/2}
 *       and stride 1 the output keeps the input's size.</li>
 *   <li><b>Depth</b>: a kernel for a 3-channel (RGB) image is 3 channels deep; its dot product runs over all
 *       of them and gives one number per position. A <em>bank</em> of filters gives one map each, a stack:
 *       six 5x5x3 filters over a 32x32x3 image give 6 maps of 28x28.</li>
 * </ul>
 * The output size is {@code (N - F + 2P) / S + 1} from {@link org.cnnlab.geometry.SizeRule}; when that is not
 * a whole number the convolution does not fit and asking for a result throws the same explained
 * {@link org.cnnlab.geometry.GeometryException} as the model builder. {@link #floored()} shows instead what
 * PyTorch does silently.
 *
 * <p>Results, step pictures, the animation and the text come from {@link SlidingByHand}, shared with pooling.
 *
 * <p>Immutable: {@code stride}, {@code pad}, {@code bias} and {@code floored} return a new one. Nothing is
 * computed until a result is asked for, so {@code .stride(3).pad(1)} may pass through a size that does not
 * fit on its way to one that does.
 *
 * @param <O> what {@link #output()} returns: {@code int[][]} for whole-number inputs, {@code double[][]}
 *     otherwise, {@code [filter][row][col]} for a bank
 */
public final class ConvByHand<O> extends SlidingByHand<O, ConvStep> {
    private final List<Planes> filters;
    private final boolean bank;
    private final double[] bias;

    private ConvByHand(Planes image, List<Planes> filters, boolean bank, double[] bias, int stride, int pad,
            boolean floored, Function<double[][][], O> shape) {
        super(image, stride, pad, floored, shape);
        this.filters = filters;
        this.bank = bank;
        this.bias = bias;
    }

    /** One grey image and one kernel, whole numbers: {@code output()} is an {@code int[][]}. */
    public static ConvByHand<int[][]> of(int[][] image, int[][] kernel) {
        return start(Planes.of("the image", image), List.of(Planes.of("the kernel", kernel)), false,
                v -> Num.toInts(v[0]));
    }

    /** One grey image and one kernel: {@code output()} is a {@code double[][]}. */
    public static ConvByHand<double[][]> of(double[][] image, double[][] kernel) {
        return start(Planes.of("the image", image), List.of(Planes.of("the kernel", kernel)), false, v -> v[0]);
    }

    /** An image {@code [channel][row][col]} and a kernel as deep as it: one output map. */
    public static ConvByHand<int[][]> of(int[][][] image, int[][][] kernel) {
        return start(Planes.of("the image", image), List.of(Planes.of("the kernel", kernel)), false,
                v -> Num.toInts(v[0]));
    }

    /** As {@link #of(int[][][], int[][][])} with any numbers. */
    public static ConvByHand<double[][]> of(double[][][] image, double[][][] kernel) {
        return start(Planes.of("the image", image), List.of(Planes.of("the kernel", kernel)), false, v -> v[0]);
    }

    /** A bank of filters {@code [filter][channel][row][col]}: one map per filter, {@code [filter][row][col]}. */
    public static ConvByHand<int[][][]> of(int[][][] image, int[][][][] filters) {
        List<Planes> bank = new ArrayList<>();
        for (int f = 0; f < nonEmptyBank(filters == null ? -1 : filters.length); f++) {
            bank.add(Planes.of("filter " + (f + 1), filters[f]));
        }
        return start(Planes.of("the image", image), bank, true, Num::toInts);
    }

    /** As {@link #of(int[][][], int[][][][])} with any numbers. */
    public static ConvByHand<double[][][]> of(double[][][] image, double[][][][] filters) {
        List<Planes> bank = new ArrayList<>();
        for (int f = 0; f < nonEmptyBank(filters == null ? -1 : filters.length); f++) {
            bank.add(Planes.of("filter " + (f + 1), filters[f]));
        }
        return start(Planes.of("the image", image), bank, true, v -> v);
    }

    private static int nonEmptyBank(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("The bank of filters is " + (n < 0 ? "null" : "empty")
                    + ": give at least one filter [channel][row][col].");
        }
        return n;
    }

    private static <O> ConvByHand<O> start(Planes image, List<Planes> filters, boolean bank,
            Function<double[][][], O> shape) {
        Planes first = filters.get(0);
        for (int f = 0; f < filters.size(); f++) {
            Planes k = filters.get(f);
            String which = bank ? "filter " + (f + 1) : "the kernel";
            if (k.channels() != image.channels()) {
                throw new IllegalArgumentException(capital(which) + " has " + k.channels() + plural(k.channels(),
                        " channel") + " but the image has " + image.channels() + ": a filter spans the full depth "
                        + "of its input. Give it " + image.channels() + plural(image.channels(), " channel")
                        + ", [" + image.channels() + "][" + k.height() + "][" + k.width() + "].");
            }
            if (k.height() != first.height() || k.width() != first.width()) {
                throw new IllegalArgumentException("Filter " + (f + 1) + " is " + k.size() + " but filter 1 is "
                        + first.size() + ": the filters of a bank all have the same size.");
            }
        }
        return new ConvByHand<>(image, List.copyOf(filters), bank, new double[filters.size()], 1, 0, false, shape);
    }

    /** Moves the kernel {@code s} cells between positions (1 by default). */
    public ConvByHand<O> stride(int s) {
        return new ConvByHand<>(image, filters, bank, bias, s, pad, floored, shape());
    }

    /** Surrounds the image with {@code p} rings of zeros (0 by default). */
    public ConvByHand<O> pad(int p) {
        return new ConvByHand<>(image, filters, bank, bias, stride, p, floored, shape());
    }

    /**
     * Adds a bias after each dot product: one number for all filters, or one per filter of a bank. With
     * whole-number inputs the bias must be whole too, so the output stays an {@code int[][]}.
     */
    public ConvByHand<O> bias(double... b) {
        if (b == null || (b.length != 1 && b.length != filters.size())) {
            throw new IllegalArgumentException("bias takes one number, or one per filter (" + filters.size()
                    + "). Received: " + (b == null ? "null" : b.length + " numbers") + ".");
        }
        double[] all = new double[filters.size()];
        for (int f = 0; f < all.length; f++) {
            all[f] = b.length == 1 ? b[0] : b[f];
            if (!Double.isFinite(all[f]) || (wholeNumbers() && !Num.whole(all[f]))) {
                throw new IllegalArgumentException("This convolution works on whole numbers, so its bias must be "
                        + "whole too. Received: bias=" + all[f] + ". For fractions, pass double[][] matrices.");
            }
        }
        return new ConvByHand<>(image, filters, bank, all, stride, pad, floored, shape());
    }

    /**
     * Floors a size that does not fit, as PyTorch and DJL do silently: only the window positions that fit
     * whole are kept and the last rows and columns of the input are ignored. The views draw them struck
     * through. Other problems (a kernel larger than the image) are still refused.
     */
    public ConvByHand<O> floored() {
        return new ConvByHand<>(image, filters, bank, bias, stride, pad, true, shape());
    }

    /** How output cell ({@code row}, {@code col}) was computed. For a bank, say which filter: step(filter, row, col). */
    @Override
    public ConvStep step(int row, int col) {
        if (bank && filters.size() > 1) {
            throw new IllegalArgumentException("This convolution has a bank of " + filters.size()
                    + " filters, one output map each: say which, step(filter, row, col), with the filter's Java "
                    + "index (0 for filter 1).");
        }
        return step(0, row, col);
    }

    @Override
    ConvStep step(int filter, Sliding.Position at, Sliding s) {
        Planes k = filters.get(filter);
        double[][][] window = image.window(at.top(), at.left(), k.height(), k.width(), 0);
        return new ConvStep(filter, bank, at.row(), at.col(), at.top(), at.left(), window, k.values(),
                s.paddingMask(at.row(), at.col()), bias[filter]);
    }

    @Override
    int maps() {
        return filters.size();
    }

    @Override
    String mapWord() {
        return "filter";
    }

    @Override
    Board overview() {
        return ConvBoards.overview(this);
    }

    @Override
    Board doesNotFit(String problem) {
        return ConvBoards.doesNotFit(this, problem);
    }

    @Override
    Board stepBoard(ConvStep step, int index, int total, double[][] map) {
        return ConvBoards.step(this, step, index, total, map);
    }

    /** The filters' weights, {@code [filter][channel][row][col]} (one filter unless a bank was given). */
    public double[][][][] weights() {
        double[][][][] w = new double[filters.size()][][][];
        for (int f = 0; f < w.length; f++) {
            w[f] = filters.get(f).values();
        }
        return w;
    }

    /** The bias of each filter (zeros unless {@link #bias(double...)} was called). */
    public double[] biases() {
        return bias.clone();
    }

    /** True for a bank of filters ({@code [filter][channel][row][col]}), whose output has one map per filter. */
    public boolean isBank() {
        return bank;
    }

    @Override
    public Sliding sliding() {
        Planes k = filters.get(0);
        String subject = "Conv.byHand(" + image.size() + " image, " + (bank ? filters.size() + " filters " : "")
                + k.size() + (bank ? "" : " kernel") + (stride != 1 ? ", stride " + stride : "")
                + (pad != 0 ? ", pad " + pad : "") + ")";
        return new Sliding(image.height(), image.width(), k.height(), k.width(), stride, pad, floored, subject, false);
    }

    double biasOf(int filter) {
        return bias[filter];
    }

    Planes image() {
        return image;
    }

    List<Planes> filters() {
        return filters;
    }

    boolean wholeNumbers() {
        if (!image.whole()) {
            return false;
        }
        for (Planes f : filters) {
            if (!f.whole()) {
                return false;
            }
        }
        return true;
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
