package org.cnnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in sample, and the full dataset from Debian's package where it is installed. */
class FashionMnistTest {
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Test
    void sampleIsBuiltInAndClassBalanced() {
        DatasetPair data = Datasets.fashionMnistSample();
        assertEquals(2000, data.train().size());
        assertEquals(500, data.test().size());
        assertEquals(new ImageShape(1, 28, 28), data.shape());
        assertEquals(CLASSES, data.classNames());
        assertArrayEquals(new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, data.train().classCounts());
        assertArrayEquals(new int[] {50, 50, 50, 50, 50, 50, 50, 50, 50, 50}, data.test().classCounts());
        assertSame(data, Datasets.fashionMnistSample(), "loaded once, then shared (it is immutable)");
        assertTrue(data.toString().contains("train 2,000, test 500 images of 1x28x28, 10 classes"), data.toString());
        assertTrue(data.toString().contains("Ankle boot"), data.toString());
    }

    @Test
    void sampleImagesLookLikeFashionMnist() {
        ImageDataset train = Datasets.fashionMnistSample().train();
        Normalization stats = Normalization.fit(train);
        // Fashion-MNIST's training set: mean 0.286, std 0.353 (0..1 scale). A fair sample lands close.
        assertEquals(0.286, stats.mean()[0], 0.02);
        assertEquals(0.353, stats.std()[0], 0.02);
    }

    @Test
    void sampleResourceIsWhatTheGeneratorMakes() {
        assumeTrue(Files.isDirectory(DEBIAN), "needs Debian's dataset-fashion-mnist");
        DatasetPair full = Datasets.fashionMnist(DEBIAN);
        DatasetPair sample = Datasets.fashionMnistSample();
        assertSameImages(SampleGenerator.sample(full.train(), SampleGenerator.TRAIN_PER_CLASS,
                SampleGenerator.TRAIN_SEED), sample.train());
        assertSameImages(SampleGenerator.sample(full.test(), SampleGenerator.TEST_PER_CLASS,
                SampleGenerator.TEST_SEED), sample.test());
    }

    @Test
    void fullDatasetLoadsFromDebiansFolder() {
        assumeTrue(Files.isDirectory(DEBIAN), "needs Debian's dataset-fashion-mnist");
        DatasetPair full = Datasets.fashionMnist(DEBIAN);
        assertEquals(60000, full.train().size());
        assertEquals(10000, full.test().size());
        assertEquals(CLASSES, full.classNames());
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000},
                full.train().classCounts());
        assertEquals(9, full.train().label(0), "the first training image is an ankle boot");
    }

    @Test
    void defaultLookupFindsDebiansFolderWhenTheUserHasNone(@org.junit.jupiter.api.io.TempDir Path home) {
        assumeTrue(Files.isDirectory(DEBIAN), "needs Debian's dataset-fashion-mnist");
        IdxSources sources = new IdxSources(home.resolve("fashion-mnist"), DEBIAN, java.net.URI.create(
                "http://127.0.0.1:9/"), false, IdxCollection.FASHION_MNIST.checksums);
        DatasetPair full = IdxLoader.find(IdxCollection.FASHION_MNIST, sources);
        assertEquals(60000, full.train().size());
        assertTrue(full.source().contains("Debian package dataset-fashion-mnist"), full.source());
    }

    private static void assertSameImages(ImageDataset expected, ImageDataset actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.label(i), actual.label(i), "label " + i);
            assertArrayEquals(expected.pixels(i), actual.pixels(i), "pixels of image " + i);
        }
    }
}
