package org.cnnlab.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A labelled set of images, the thing a classifier learns from: image {@code i} is a grid of pixels with
 * shape {@link #shape()} ({@code channels x height x width}) and {@link #label(int)} is the index of its
 * class in {@link #classNames()}.
 *
 * <p><b>Compact and immutable.</b> Pixels are kept as bytes (0..255), one byte per value, laid out
 * {@code N x C x H x W}: the 60,000 Fashion-MNIST training images take 47 MB. {@link #take}, {@link #shuffle},
 * {@link #split} and {@link #select} never copy pixels; they return a new view listing which images it
 * holds, in which order. Nothing here changes a dataset in place.
 *
 * <p><b>Deterministic.</b> Everything random takes a seed, and the same seed gives the same order on every
 * machine ({@link java.util.Random}'s algorithm is fixed by its specification), so a run can be repeated.
 *
 * <p><b>Feeding a network.</b> {@link #batch(NDManager, int[])} turns a list of image indices into the two
 * arrays training needs, {@code data (B, C, H, W)} float32 and {@code labels (B)}, in one pass over the
 * bytes; {@link #batches(int, long)} gives the shuffled index lists for one epoch:
 * <pre>{@code
 * for (int[] indices : train.batches(256, epoch)) {
 *     try (NDManager m = manager.newSubManager()) {
 *         NDList batch = train.batch(m, indices);   // data (256,1,28,28), labels (256)
 *         ...
 *     }
 * }
 * }</pre>
 * How bytes become floats is the dataset's {@link #normalization()}: 0..1 unless you choose otherwise with
 * {@link #normalized(Normalization)}.
 */
public final class ImageDataset {
    private final String name;
    private final ImageShape shape;
    private final byte[] pixels;
    private final int[] labels;
    private final int[] rows;
    private final List<String> classNames;
    private final Normalization normalization;

    private ImageDataset(String name, ImageShape shape, byte[] pixels, int[] labels, int[] rows,
                         List<String> classNames, Normalization normalization) {
        this.name = name;
        this.shape = shape;
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.classNames = classNames;
        this.normalization = normalization;
    }

    /**
     * A dataset from your own arrays: {@code pixels} holds {@code labels.length} images of {@code shape},
     * one byte (0..255) per value, {@code N x C x H x W}; {@code labels[i]} indexes {@code classNames}.
     * The arrays are copied.
     */
    public static ImageDataset of(String name, ImageShape shape, byte[] pixels, int[] labels, List<String> classNames) {
        return wrap(name, shape, pixels.clone(), labels.clone(), classNames);
    }

    /** Like {@link #of} but takes ownership of the arrays (loaders hand over arrays nobody else holds). */
    static ImageDataset wrap(String name, ImageShape shape, byte[] pixels, int[] labels, List<String> classNames) {
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels need " + labels.length
                    + " x " + shape + " = " + (long) labels.length * shape.size() + " pixel bytes, but received "
                    + pixels.length + ". Give one label per image.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is not a class index; expected 0.." + (classNames.size() - 1) + " for the "
                        + classNames.size() + " classes " + classNames + ".");
            }
        }
        int[] rows = new int[labels.length];
        Arrays.setAll(rows, i -> i);
        return new ImageDataset(name, shape, pixels, labels, rows, List.copyOf(classNames), Normalization.unit());
    }

    /** What this is, e.g. {@code Fashion-MNIST train}. */
    public String name() {
        return name;
    }

    /** Number of images. */
    public int size() {
        return rows.length;
    }

    /** The shape of every image, channels first, e.g. {@code 1x28x28}. */
    public ImageShape shape() {
        return shape;
    }

    /** Class names; a label is an index into this list. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of classes, which is also the number of outputs a classifier for this data needs. */
    public int classCount() {
        return classNames.size();
    }

    /** The class index of image {@code i}. */
    public int label(int i) {
        return labels[row(i)];
    }

    /** The class name of image {@code i}, e.g. {@code Ankle boot}. */
    public String className(int i) {
        return classNames.get(label(i));
    }

    /** Image {@code i} as {@code [channel][row][column]} values from 0 (black) to 1 (full intensity). */
    public float[][][] image(int i) {
        int offset = row(i) * shape.size();
        float[][][] image = new float[shape.channels()][shape.height()][shape.width()];
        for (float[][] plane : image) {
            for (float[] line : plane) {
                for (int x = 0; x < line.length; x++) {
                    line[x] = (pixels[offset++] & 0xff) / 255f;
                }
            }
        }
        return image;
    }

    /** Image {@code i}'s raw bytes, {@code C x H x W}, values 0..255 (as {@code int}s, Java bytes being signed). */
    public int[] pixels(int i) {
        int offset = row(i) * shape.size();
        int[] out = new int[shape.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = pixels[offset + k] & 0xff;
        }
        return out;
    }

    /** Image {@code i} as a picture: greyscale for one channel, RGB for three. */
    public BufferedImage picture(int i) {
        return Pictures.toImage(shape, pixels, row(i) * shape.size());
    }

    /** The first {@code n} images (all of them if there are fewer). */
    public ImageDataset take(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("take(n) needs n >= 0. Received: n=" + n);
        }
        return view(name, Arrays.copyOf(rows, Math.min(n, rows.length)));
    }

    /** The same images in a random order fixed by {@code seed}. */
    public ImageDataset shuffle(long seed) {
        int[] order = Sampling.permutation(rows.length, seed);
        int[] shuffled = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            shuffled[i] = rows[order[i]];
        }
        return view(name, shuffled);
    }

    /** The images at {@code indices}, in that order (repeats allowed). */
    public ImageDataset select(int... indices) {
        int[] chosen = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            chosen[k] = row(indices[k]);
        }
        return view(name, chosen);
    }

    /**
     * Holds back a fraction of the images for validation: a stratified split, so each class keeps its
     * share in both parts (10% of every class for {@code 0.1}). The choice is random, fixed by {@code seed};
     * both parts keep this dataset's order.
     */
    public Split split(double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("split(validationFraction, seed) needs a fraction strictly between"
                    + " 0 and 1, e.g. 0.1 for 10% validation. Received: validationFraction=" + validationFraction);
        }
        boolean[] held = Sampling.stratifiedChoice(this::label, size(), classCount(), validationFraction, seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < held.length; i++) {
            (held[i] ? validation : train).add(i);
        }
        return new Split(select(toArray(train)).renamed(name + " (train part)"),
                select(toArray(validation)).renamed(name + " (validation part)"));
    }

    /** How many images each class has, indexed like {@link #classNames()}. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int r : rows) {
            counts[labels[r]]++;
        }
        return counts;
    }

    /** {@link #classCounts()} as a table with columns {@code label}, {@code class}, {@code count}. */
    public Table classCountTable() {
        int[] counts = classCounts();
        IntColumn label = IntColumn.create("label");
        StringColumn cls = StringColumn.create("class");
        IntColumn count = IntColumn.create("count");
        for (int c = 0; c < counts.length; c++) {
            label.append(c);
            cls.append(classNames.get(c));
            count.append(counts[c]);
        }
        return Table.create(name + ": images per class", label, cls, count);
    }

    /** How bytes become floats in {@link #batch}; {@link Normalization#unit()} (0..1) unless changed. */
    public Normalization normalization() {
        return normalization;
    }

    /** The same images, fed to networks with {@code normalization}. */
    public ImageDataset normalized(Normalization normalization) {
        if (!normalization.fits(shape.channels())) {
            throw new IllegalArgumentException("normalized(...) received " + normalization + " for images of "
                    + shape + ": give one mean and std per channel (" + shape.channels() + ") or one for all.");
        }
        return new ImageDataset(name, shape, pixels, labels, rows, classNames, normalization);
    }

    /**
     * One batch, ready for a network: {@code data} of shape {@code (B, C, H, W)}, float32, normalised with
     * {@link #normalization()}, and {@code labels} of shape {@code (B)}, float32 class indices (DJL's
     * convention: its losses and accuracy evaluators take sparse labels). {@code B = indices.length}.
     * The arrays belong to {@code manager}; close it (or a sub-manager) after each batch.
     */
    public NDList batch(NDManager manager, int[] indices) {
        int[] chosen = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            chosen[k] = row(indices[k]);
        }
        return Batches.build(manager, shape, pixels, labels, chosen, normalization);
    }

    /**
     * Writes the raw bytes (0..255, {@code C x H x W} each) of images {@code from} to {@code from + count - 1},
     * end to end, into {@code into} at its position: what training uploads once to keep a dataset on the device
     * and normalise batches there. Straight from the dataset's own array, with no copy in between.
     */
    public void copyPixels(int from, int count, ByteBuffer into) {
        int size = shape.size();
        if (from < 0 || count < 0 || from + count > rows.length) {
            throw new IndexOutOfBoundsException("copyPixels(" + from + ", " + count + ") reaches outside " + name
                    + ", which holds " + rows.length + " images.");
        }
        if ((long) count * size > into.remaining()) {
            throw new IllegalArgumentException("copyPixels needs " + (long) count * size + " bytes for " + count
                    + " images of " + shape + "; the buffer has " + into.remaining() + " left.");
        }
        for (int k = 0; k < count; k++) {
            into.put(pixels, rows[from + k] * size, size);
        }
    }

    /** One epoch's worth of index arrays of {@code batchSize}, in an order shuffled by {@code seed}; the last may be smaller. */
    public List<int[]> batches(int batchSize, long seed) {
        return Batches.chunk(Sampling.permutation(size(), seed), batchSize);
    }

    /** Index arrays of {@code batchSize} in dataset order, for evaluation; the last may be smaller. */
    public List<int[]> batches(int batchSize) {
        int[] order = new int[size()];
        Arrays.setAll(order, i -> i);
        return Batches.chunk(order, batchSize);
    }

    /** This dataset under another name (the name shows in tables, errors and summaries). */
    public ImageDataset renamed(String newName) {
        return new ImageDataset(newName, shape, pixels, labels, rows, classNames, normalization);
    }

    /** Per channel, how many pixels have each value 0..255: {@code [channel][value]}. */
    long[][] histogram() {
        long[][] histogram = new long[shape.channels()][256];
        int plane = shape.planeSize();
        for (int r : rows) {
            int offset = r * shape.size();
            for (int c = 0; c < shape.channels(); c++) {
                long[] h = histogram[c];
                for (int k = offset + c * plane, end = k + plane; k < end; k++) {
                    h[pixels[k] & 0xff]++;
                }
            }
        }
        return histogram;
    }

    @Override
    public String toString() {
        return name + ": " + String.format("%,d", size()) + " images " + shape + ", " + classCount() + " classes"
                + (normalization.equals(Normalization.unit()) ? "" : ", " + normalization);
    }

    private int row(int i) {
        if (i < 0 || i >= rows.length) {
            throw new IndexOutOfBoundsException("Image index " + i + " is outside " + name + ", which holds "
                    + rows.length + " images (valid: 0.." + (rows.length - 1) + ").");
        }
        return rows[i];
    }

    private ImageDataset view(String newName, int[] newRows) {
        return new ImageDataset(newName, shape, pixels, labels, newRows, classNames, normalization);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
