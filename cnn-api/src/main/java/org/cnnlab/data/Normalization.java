package org.cnnlab.data;

import java.util.Arrays;

/**
 * How raw pixel bytes (0..255) become the floats a network is fed. Every pixel is first scaled to 0..1,
 * then standardised per channel: {@code x = (byte / 255 - mean[c]) / std[c]}.
 *
 * <p>Two common choices:
 * <ul>
 *   <li>{@link #unit()} (the default): mean 0, std 1, so values stay in 0..1. Simple and good enough for
 *       small networks on MNIST-like data.</li>
 *   <li>{@link #fit(ImageDataset)}: mean and standard deviation measured per channel on the <em>training</em>
 *       images, giving inputs centred on 0 with spread 1, which often lets SGD take larger steps. Use the
 *       training set's numbers for the test set too: the test set must not influence training in any way,
 *       not even through its statistics. ({@link DatasetPair#standardized()} does exactly that.)</li>
 * </ul>
 *
 * <p>Because a pixel has only 256 possible values, the mapping is precomputed as one 256-entry table per
 * channel ({@link #table(int)}); building a batch is then one table lookup per pixel.
 */
public final class Normalization {
    private static final Normalization UNIT = new Normalization(new float[] {0f}, new float[] {1f});

    private final float[] mean;
    private final float[] std;

    private Normalization(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Scale to 0..1 only; works for any number of channels. */
    public static Normalization unit() {
        return UNIT;
    }

    /**
     * Given per-channel means and standard deviations of the 0..1-scaled pixels. One value each applies to
     * every channel. For example Fashion-MNIST's training set has mean 0.286 and std 0.353.
     */
    public static Normalization meanStd(float[] mean, float[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per channel, the same number of each."
                    + " Received: mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std));
        }
        for (float s : std) {
            if (!(s > 0f) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("Every std must be a positive number (it is divided by)."
                        + " Received: std=" + Arrays.toString(std));
            }
        }
        return new Normalization(mean.clone(), std.clone());
    }

    /** Measures mean and standard deviation per channel over every pixel of {@code data}. */
    public static Normalization fit(ImageDataset data) {
        long[][] histogram = data.histogram();
        int channels = histogram.length;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double n = 0;
            double sum = 0;
            double sumSq = 0;
            for (int v = 0; v < 256; v++) {
                double x = v / 255.0;
                n += histogram[c][v];
                sum += histogram[c][v] * x;
                sumSq += histogram[c][v] * x * x;
            }
            if (n == 0) {
                throw new IllegalArgumentException("Cannot fit a normalization to an empty dataset: "
                        + data.name() + " has no images. Fit it to a training set with images.");
            }
            double m = sum / n;
            mean[c] = (float) m;
            std[c] = (float) Math.max(Math.sqrt(Math.max(sumSq / n - m * m, 0)), 1e-6);
        }
        return new Normalization(mean, std);
    }

    /** Per-channel means (0..1 scale); one value means "the same for every channel". */
    public float[] mean() {
        return mean.clone();
    }

    /** Per-channel standard deviations (0..1 scale). */
    public float[] std() {
        return std.clone();
    }

    /** True when this fits images with {@code channels} channels. */
    public boolean fits(int channels) {
        return mean.length == 1 || mean.length == channels;
    }

    /** The 256 floats that pixel bytes 0..255 of {@code channel} turn into. */
    public float[] table(int channel) {
        int c = mean.length == 1 ? 0 : channel;
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) {
            table[v] = (v / 255f - mean[c]) / std[c];
        }
        return table;
    }

    /** Applies this normalization to one 0..255 pixel value. */
    public float apply(int channel, int pixel) {
        int c = mean.length == 1 ? 0 : channel;
        return (pixel / 255f - mean[c]) / std[c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        if (this.equals(UNIT)) {
            return "Normalization[0..1]";
        }
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
