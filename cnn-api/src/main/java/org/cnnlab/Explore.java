package org.cnnlab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.cnnlab.explore.Explorer;
import org.cnnlab.explore.Explorers;
import org.cnnlab.handconv.ConvByHand;
import org.cnnlab.handconv.PoolByHand;

/**
 * Interactive explorers on your own numbers and your own network, in the spirit of CNN Explainer (Wang et
 * al., 2020, https://poloclub.github.io/cnn-explainer/): hover an output cell to see its window and its dot
 * product, change stride and padding and watch {@code (N - F + 2P) / S + 1} with the real numbers, click a
 * feature map to see the filters that made it. Everything is computed here and embedded in the page, so it
 * works offline, in JupyterLab, the classic Notebook and exported HTML; viewers that run no scripts show a
 * static picture instead.
 *
 * <pre>{@code
 * Explore.conv(Conv.byHand(image, kernel));              // hover the output cells
 * Explore.conv(image, f -> new int[f][f], 3);           // filter size as a control: a filter per size
 * Explore.pool(Pool.max(map, 2));
 * Explore.network(net, data.test().image(0));             // every layer's maps; click one
 * }</pre>
 */
public final class Explore {
    private Explore() {}

    /** The convolution explorer for {@code Conv.byHand(...)}: its image, filter(s), bias, stride and padding. */
    public static Explorer conv(ConvByHand<?> conv) {
        return Explorers.conv(List.of(conv), 0);
    }

    /**
     * The convolution explorer with the filter size as a control: {@code filterOfSize} makes the filter for
     * each size F from 1 to 7 (as far as the image allows); the explorer starts at {@code size}.
     */
    public static Explorer conv(int[][] image, IntFunction<int[][]> filterOfSize, int size) {
        List<ConvByHand<?>> all = new ArrayList<>();
        int start = sizes(image.length, image.length == 0 ? 0 : image[0].length, size, f -> all.add(Conv.byHand(image, made(filterOfSize, f))));
        return Explorers.conv(all, start);
    }

    /** As {@link #conv(int[][], IntFunction, int)} with any numbers. */
    public static Explorer conv(double[][] image, IntFunction<double[][]> filterOfSize, int size) {
        List<ConvByHand<?>> all = new ArrayList<>();
        int start = sizes(image.length, image.length == 0 ? 0 : image[0].length, size, f -> all.add(Conv.byHand(image, made(filterOfSize, f))));
        return Explorers.conv(all, start);
    }

    /** The pooling explorer for {@code Pool.max(...)} or {@code Pool.average(...)}; window size is a control. */
    public static Explorer pool(PoolByHand<?> pool) {
        return Explorers.pool(pool);
    }

    /**
     * The network explorer: every layer's feature maps for one image {@code [channel][row][col]} as strips
     * of thumbnails with their shapes; click a map to see the filters that made it and the input maps they
     * read; hover it to see the numbers at that position. Trained or not.
     */
    public static Explorer network(Network net, float[][][] image) {
        return Explorers.network(net, image);
    }

    /** As {@link #network(Network, float[][][])} for a grey image {@code [row][col]}. */
    public static Explorer network(Network net, float[][] image) {
        return Explorers.network(net, new float[][][] {image});
    }

    private static int sizes(int h, int w, int size, java.util.function.IntConsumer add) {
        int most = Math.min(7, Math.min(h, w));
        if (size < 1 || size > most) {
            throw new IllegalArgumentException("The explorer starts at filter size " + size + ", but this " + h + "x" + w
                    + " image takes sizes 1 to " + most + ". Give a size in that range.");
        }
        for (int f = 1; f <= most; f++) {
            add.accept(f);
        }
        return size - 1;
    }

    private static <T> T made(IntFunction<T> filterOfSize, int f) {
        T filter = filterOfSize.apply(f);
        if (filter == null) {
            throw new IllegalArgumentException("The filter generator returned null for size " + f
                    + ": it must return an " + f + "x" + f + " filter for every size from 1 up.");
        }
        return filter;
    }
}
