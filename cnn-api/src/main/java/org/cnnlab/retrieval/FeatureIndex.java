package org.cnnlab.retrieval;

import java.util.Locale;
import org.cnnlab.data.ImageDataset;

/**
 * The features of every image of a dataset, computed once by a {@link Retrieval}, to be searched: the
 * nearest neighbours of an image, drawn as rows, and the precision at k over the whole dataset. Plain Java
 * arrays: no native memory to close.
 */
public final class FeatureIndex {
    private final Retrieval retrieval;
    private final ImageDataset data;
    private final float[][] features;

    FeatureIndex(Retrieval retrieval, ImageDataset data, float[][] features) {
        this.retrieval = retrieval;
        this.data = data;
        this.features = features;
    }

    /** The {@code k} images most similar to image {@code i} of this index, the image itself left out. */
    public Neighbours nearest(int i, int k) {
        return nearest(new int[] {i}, k);
    }

    /** One row per query image of this index (each left out of its own row): {@code nearest(new int[] {0, 7}, 8)}. */
    public Neighbours nearest(int[] queries, int k) {
        checkK(k, data.size() - 1);
        float[][] q = new float[queries.length][];
        for (int r = 0; r < queries.length; r++) {
            checkIndex(queries[r]);
            q[r] = features[queries[r]];
        }
        Similarity.Nearest found = Similarity.nearest(features, q, queries.clone(), k);
        return new Neighbours(retrieval.source(), data, data, queries.clone(), found);
    }

    /** The {@code k} images of this index most similar to image {@code i} of another dataset {@code queries}. */
    public Neighbours nearest(ImageDataset queries, int i, int k) {
        checkK(k, data.size());
        float[][] q = retrieval.features(queries.select(i));
        Similarity.Nearest found = Similarity.nearest(features, q, null, k);
        return new Neighbours(retrieval.source(), queries, data, new int[] {i}, found);
    }

    /**
     * Precision at k: every image of the index asks for its {@code k} nearest neighbours (itself left out),
     * and this is the share of all those neighbours that have the asking image's class, averaged over the
     * images. 1 means every neighbour is of the same class; a search that ignores the images gets about
     * {@code 1 / classes} on a balanced dataset.
     */
    public double precisionAt(int k) {
        checkK(k, data.size() - 1);
        int[] self = new int[data.size()];
        java.util.Arrays.setAll(self, i -> i);
        Similarity.Nearest found = Similarity.nearest(features, features, self, k);
        double sum = 0;
        for (int i = 0; i < self.length; i++) {
            sum += Neighbours.sameClass(data.label(i), data, found.indices()[i]);
        }
        return sum / self.length;
    }

    /** The dataset searched. */
    public ImageDataset data() {
        return data;
    }

    /** How many numbers describe one image. */
    public int dimensions() {
        return features[0].length;
    }

    /** Image {@code i}'s features, scaled to length 1: a copy. */
    public float[] features(int i) {
        checkIndex(i);
        return features[i].clone();
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= data.size()) {
            throw new IndexOutOfBoundsException("Image index " + i + " is outside " + data.name() + ", which holds "
                    + data.size() + " images (valid: 0.." + (data.size() - 1) + ").");
        }
    }

    private void checkK(int k, int most) {
        if (k < 1 || k > most) {
            throw new IllegalArgumentException("k is how many neighbours to find, from 1 to " + most + " here ("
                    + data.name() + " holds " + data.size() + " images). Received: k=" + k + ".");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Index of %,d images of %s by %s", data.size(), data.name(),
                retrieval.source());
    }
}
