package org.cnnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Views, seeded randomness, statistics and pictures of {@link ImageDataset}; batches are in BatchTest. */
class ImageDatasetTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    /** {@code n} RGB 2x2 images; image i has red = i, green = 100 + i, blue = 200; label i % 3. */
    static ImageDataset rgb(int n) {
        ImageShape shape = new ImageShape(3, 2, 2);
        byte[] pixels = new byte[n * 12];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * 12, i * 12 + 4, (byte) i);
            Arrays.fill(pixels, i * 12 + 4, i * 12 + 8, (byte) (100 + i));
            Arrays.fill(pixels, i * 12 + 8, i * 12 + 12, (byte) 200);
            labels[i] = i % 3;
        }
        return ImageDataset.of("toy", shape, pixels, labels, ABC);
    }

    @Test
    void accessorsGiveTheImageChannelsFirstInZeroToOne() {
        ImageDataset data = rgb(30);
        assertEquals(30, data.size());
        assertEquals("3x2x2", data.shape().toString());
        assertEquals(2, data.label(5));
        assertEquals("c", data.className(5));
        float[][][] image = data.image(5);
        assertEquals(5 / 255f, image[0][1][1], 1e-7);
        assertEquals(105 / 255f, image[1][0][0], 1e-7);
        assertEquals(200 / 255f, image[2][1][0], 1e-7);
        assertEquals(200, data.pixels(5)[11]);
    }

    @Test
    void pictureViewIsGreyOrRgb() {
        BufferedImage rgb = rgb(10).picture(7);
        assertEquals(BufferedImage.TYPE_INT_RGB, rgb.getType());
        assertEquals((7 << 16) | (107 << 8) | 200, rgb.getRGB(1, 1) & 0xffffff);
        BufferedImage grey = Datasets.fashionMnistSample().train().picture(0);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, grey.getType());
        assertEquals(28, grey.getWidth());
        assertEquals(Datasets.fashionMnistSample().train().pixels(0)[14 * 28 + 10], grey.getRaster().getSample(10, 14, 0));
    }

    @Test
    void takeShuffleAndSelectAreViewsInANewOrder() {
        ImageDataset data = rgb(30);
        assertEquals(4, data.take(4).size());
        assertEquals(30, data.take(100).size());
        ImageDataset a = data.shuffle(7);
        ImageDataset b = data.shuffle(7);
        int[] orderA = IntStream.range(0, 30).map(i -> a.pixels(i)[0]).toArray();
        int[] orderB = IntStream.range(0, 30).map(i -> b.pixels(i)[0]).toArray();
        assertArrayEquals(orderA, orderB, "the same seed gives the same order");
        assertNotEquals(Arrays.toString(orderA), Arrays.toString(IntStream.range(0, 30).toArray()));
        assertArrayEquals(IntStream.range(0, 30).toArray(), Arrays.stream(orderA).sorted().toArray(), "a permutation");
        ImageDataset picked = a.select(3, 3, 0);
        assertEquals(orderA[3], picked.pixels(1)[0]);
        assertEquals(orderA[0], picked.pixels(2)[0]);
        assertEquals(a.label(3), picked.label(0));
    }

    @Test
    void splitIsStratifiedDeterministicAndDisjoint() {
        ImageDataset data = rgb(240);
        Split split = data.split(0.25, 42);
        assertArrayEquals(new int[] {60, 60, 60}, split.train().classCounts());
        assertArrayEquals(new int[] {20, 20, 20}, split.validation().classCounts());
        List<Integer> seen = new ArrayList<>();
        for (ImageDataset part : List.of(split.train(), split.validation())) {
            for (int i = 0; i < part.size(); i++) {
                seen.add(part.pixels(i)[0]); // image i has red value i: its identity
            }
        }
        assertEquals(IntStream.range(0, 240).boxed().toList(), seen.stream().sorted().toList(), "every image once");
        Split again = data.split(0.25, 42);
        for (int i = 0; i < again.validation().size(); i++) {
            assertArrayEquals(split.validation().pixels(i), again.validation().pixels(i));
        }
        assertNotEquals(reds(split.validation()), reds(data.split(0.25, 43).validation()), "another seed, another choice");
        assertTrue(split.validation().name().contains("validation"), split.validation().name());
    }

    private static List<Integer> reds(ImageDataset data) {
        return IntStream.range(0, data.size()).mapToObj(i -> data.pixels(i)[0]).toList();
    }

    @Test
    void classCountTableHasOneRowPerClass() {
        Table table = rgb(10).classCountTable();
        assertEquals(3, table.rowCount());
        assertEquals(List.of("label", "class", "count"), table.columnNames());
        assertEquals("a", table.stringColumn("class").get(0));
        assertEquals(4, table.intColumn("count").get(0));
    }

    @Test
    void normalizationFitsPerChannel() {
        Normalization n = Normalization.fit(rgb(11));
        float[] mean = n.mean();
        assertEquals(5 / 255f, mean[0], 1e-6);
        assertEquals(105 / 255f, mean[1], 1e-6);
        assertEquals(200 / 255f, mean[2], 1e-6);
        assertEquals(Math.sqrt(10.0) / 255, n.std()[0], 1e-6, "values 0..10 have variance 10");
        assertEquals(1e-6f, n.std()[2], 1e-9, "a constant channel gets a tiny std, never a division by zero");
        assertEquals(0f, n.apply(1, 105), 1e-6);
    }

    @Test
    void misuseGetsMessagesNamingTheArgument() {
        ImageDataset data = rgb(5);
        assertTrue(assertThrows(IndexOutOfBoundsException.class, () -> data.label(5)).getMessage()
                .contains("Image index 5 is outside toy, which holds 5 images (valid: 0..4)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> data.split(1.5, 1)).getMessage()
                .contains("Received: validationFraction=1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> data.normalized(Normalization.meanStd(new float[] {0, 0}, new float[] {1, 1}))).getMessage()
                .contains("give one mean and std per channel (3)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of("bad", new ImageShape(1, 2, 2), new byte[8], new int[] {0, 3}, ABC))
                .getMessage().contains("label 3 of image 1 is not a class index; expected 0..2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> data.batches(0, 1)).getMessage()
                .contains("Received: batchSize=0"));
    }

    @Test
    void toStringSaysWhatItHolds() {
        assertEquals("toy: 5 images 3x2x2, 3 classes", rgb(5).toString());
        assertEquals("Split[train 24, validation 6]", rgb(30).split(0.2, 1).toString());
    }
}
