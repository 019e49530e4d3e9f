package org.cnnlab.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.data.ImageShape;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.train.Optimizers;
import org.cnnlab.train.Seeds;
import org.junit.jupiter.api.Test;

class RetrievalTest {
    /** Four 2x2 images as vectors a=(255,0,0,0), b=(255,128,0,0), c=(0,0,255,60), d=(255,0,0,255). */
    private static ImageDataset four() {
        byte[] px = {(byte) 255, 0, 0, 0, (byte) 255, (byte) 128, 0, 0, 0, 0, (byte) 255, 60, (byte) 255, 0, 0,
                (byte) 255};
        return ImageDataset.of("four", new ImageShape(1, 2, 2), px, new int[] {0, 0, 1, 1}, List.of("x", "y"));
    }

    @Test
    void cosineSimilarityWorkedOutByHand() {
        FeatureIndex index = Retrieval.pixels().index(four());
        Neighbours n = index.nearest(0, 3);
        assertArrayEquals(new int[] {1, 3, 2}, n.indices(0), "the image itself is left out");
        double ab = 255.0 / Math.hypot(255, 128);
        assertArrayEquals(new float[] {(float) ab, (float) Math.sqrt(0.5), 0f}, n.similarities(0), 1e-6f);
        assertEquals(1.0 / 3, n.precision(), 1e-9, "b is of a's class, d and c are not: 1 of 3");
    }

    @Test
    void precisionAtKWorkedOutByHand() {
        // k=1: a->b (same), b->a (same), c->d (same), d->a (other): 3 of 4.
        assertEquals(0.75, Retrieval.pixels().index(four()).precisionAt(1), 1e-9);
    }

    @Test
    void aQueryFromElsewhereFindsItsTwinWithSimilarityOne() {
        ImageDataset data = four();
        Neighbours n = Retrieval.pixels().index(data).nearest(data.select(3, 0), 1, 2);
        assertEquals(0, n.indices(0)[0]);
        assertEquals(1f, n.similarities(0)[0], 1e-6f);
    }

    /** More queries than one block of the matrix product, checked against a plain loop. */
    @Test
    void blocksOfQueriesAgreeWithAPlainLoop() {
        Random r = new Random(4);
        int n = 700;
        byte[] px = new byte[n * 9];
        r.nextBytes(px);
        int[] labels = new int[n];
        ImageDataset data = ImageDataset.of("random", new ImageShape(1, 3, 3), px, labels, List.of("all"));
        FeatureIndex index = Retrieval.pixels().index(data);
        int[] queries = {0, 1, 699, 350};
        Neighbours found = index.nearest(queries, 5);
        for (int q = 0; q < queries.length; q++) {
            float[] a = index.features(queries[q]);
            double[] sims = new double[n];
            for (int i = 0; i < n; i++) {
                float[] b = index.features(i);
                for (int k = 0; k < 9; k++) {
                    sims[i] += a[k] * b[k];
                }
            }
            sims[queries[q]] = Double.NEGATIVE_INFINITY;
            int[] got = found.indices(q);
            for (int k = 0; k < 5; k++) {
                assertEquals(sims[got[k]], found.similarities(q)[k], 1e-5);
                int rank = 0;
                for (double s : sims) {
                    rank += s > sims[got[k]] + 1e-6 ? 1 : 0;
                }
                assertEquals(k, rank, "neighbour " + k + " of query " + queries[q]);
            }
        }
        assertEquals(1.0, index.precisionAt(3), 1e-9, "one class: every neighbour is of it");
    }

    /** The claim of the lecture: a trained network's features find images of the same kind better than pixels. */
    @Test
    void learnedFeaturesBeatPixelsOnFashionMnist() {
        DatasetPair data = Datasets.fashionMnistSample();
        Seeds.set(7);
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            net.fit(data.train()).epochs(3).batchSize(64).optimizer(Optimizers.adam(1e-3)).seed(1).progress(false)
                    .run();
            String penultimate = net.spec().infos().get(net.spec().infos().size() - 2).name();
            double learned = Retrieval.by(net, penultimate).index(data.test()).precisionAt(10);
            double pixels = Retrieval.pixels().index(data.test()).precisionAt(10);
            System.out.printf("Precision at 10 on %s: %s features %.3f, pixels %.3f%n", data.test().name(),
                    penultimate, learned, pixels);
            assertTrue(learned > pixels + 0.03, "learned " + learned + " vs pixels " + pixels);
        }
    }

    @Test
    void thePictureMarksRightAndWrongNeighbours() {
        ImageDataset data = four();
        Neighbours n = Retrieval.pixels().index(data).nearest(new int[] {0, 2}, 2);
        MimeBundle b = n.toMimeBundle();
        assertTrue(b.has(MimeBundle.PNG));
        assertTrue(b.plainText().contains("#0 x: #1 x 0.894, #3 y 0.707"), b.plainText());
        BufferedImage img = n.image();
        int green = 0;
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                green += rgb == 0x2e7d32 ? 1 : 0;
                red += rgb == 0xc62828 ? 1 : 0;
            }
        }
        assertTrue(green > 100 && red > 100, "frames: green " + green + ", red " + red);
    }

    @Test
    void badRequestsAreExplained() {
        FeatureIndex index = Retrieval.pixels().index(four());
        var e = assertThrows(IllegalArgumentException.class, () -> index.nearest(0, 4));
        assertTrue(e.getMessage().contains("from 1 to 3") && e.getMessage().contains("k=4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> index.precisionAt(0));
        assertTrue(e.getMessage().contains("k=0"), e.getMessage());
        var out = assertThrows(IndexOutOfBoundsException.class, () -> index.nearest(9, 1));
        assertTrue(out.getMessage().contains("9"), out.getMessage());
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            e = assertThrows(IllegalArgumentException.class, () -> Retrieval.by(net, "conv9"));
            assertTrue(e.getMessage().contains("conv9"), e.getMessage());
        }
    }
}
