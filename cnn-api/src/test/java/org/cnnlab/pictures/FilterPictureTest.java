package org.cnnlab.pictures;

import static org.cnnlab.pictures.TileGridTest.assertBlock;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cnnlab.Architectures;
import org.cnnlab.Cnn;
import org.cnnlab.Network;
import org.cnnlab.render.MimeBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filter pictures draw a conv layer's real weights, in the right colours at the right cells. */
class FilterPictureTest {

    @Test
    void aKnownFilterIsDrawnCellByCell() {
        float[][][][] w = {{{{-0.5f, 0, 0.5f}, {0, 0.25f, 0}, {0.5f, 0, -0.5f}}}};
        FilterPicture p = FilterPicture.of("edge", w, new float[] {0.1f});
        TileGrid g = p.grid();
        assertBlock(g, 0, 0, 0, ColorMap.DIVERGING.rgb(0));
        assertBlock(g, 0, 0, 1, 0xffffff);
        assertBlock(g, 0, 0, 2, ColorMap.DIVERGING.rgb(1));
        assertBlock(g, 0, 1, 1, ColorMap.DIVERGING.rgb(0.75));
        assertBlock(g, 0, 2, 2, ColorMap.DIVERGING.rgb(0));
        assertTrue(p.describe().startsWith("edge: 1 filter of 1x3x3"), p.describe());
        assertTrue(p.describe().contains("weights from -0.5 to 0.5"), p.describe());
        assertTrue(p.describe().contains("  -0.500   0.000   0.500"), "small filters print their numbers:\n"
                + p.describe());
    }

    @Test
    void perFilterOrGlobalScale() {
        float[][][][] w = {{{{1, -1}}}, {{{0.25f, -0.25f}}}};
        FilterPicture p = FilterPicture.of("conv1", w, null);
        assertBlock(p.grid(), 1, 0, 0, ColorMap.DIVERGING.rgb(1));
        assertBlock(p.global().grid(), 1, 0, 0, ColorMap.DIVERGING.rgb(0.625));
        assertBlock(p.global().perFilter().grid(), 1, 0, 0, ColorMap.DIVERGING.rgb(1));
    }

    @Test
    void leNetConv1ShowsItsSixRealFilters() {
        Engine.getInstance().setRandomSeed(42);
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            FilterPicture p = net.filters("conv1");
            float[] expected = net.djl().block().getChildren().get(0).getValue().getParameters().get("weight").getArray()
                    .toFloatArray();
            float[][][][] w = p.weights();
            assertEquals(6, w.length);
            assertEquals(expected[5 * 25 + 2 * 5 + 3], w[5][0][2][3]);
            assertEquals(6, p.grid().tiles().size());
            assertArrayEquals(p.png(), net.filters(1).png(), "by name or by number, the same picture");
            MimeBundle b = p.toMimeBundle();
            assertTrue(b.has(MimeBundle.PNG));
            String text = b.plainText();
            assertTrue(text.startsWith("conv1: 6 filters of 1x5x5 (150 weights + 6 biases)"), text);
            assertTrue(text.contains("weights from -"), text);
        }
    }

    @Test
    void deeperFiltersAreRowsOfChannelsAndColourFirstLayersAreColourPictures() {
        Engine.getInstance().setRandomSeed(42);
        try (Network net = Architectures.alexNet(3, 32, 10).build()) {
            FilterPicture rgb = net.filters("conv1");
            assertEquals(32, rgb.grid().tiles().size(), "one colour tile per filter");
            assertEquals(16 * 3, rgb.channels().grid().tiles().size(), "forced per channel: 16 of 32 filters x 3 channels");
            FilterPicture deep = net.filters("conv2");
            assertEquals(16 * 12, deep.grid().tiles().size(), "capped at 16 filters x 12 channels");
            assertEquals(12, deep.grid().columns());
            assertTrue(deep.describe().contains("showing filters 1-16 of 64, input channels 1-12 of 32"),
                    deep.describe());
            assertEquals(64 * 32, deep.maxFilters(64).maxChannels(32).grid().tiles().size());
        }
    }

    @Test
    void onlyConvLayersHaveFilters() {
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            String msg = assertThrows(IllegalArgumentException.class, () -> net.filters("pool1")).getMessage();
            assertTrue(msg.contains("pool1") && msg.contains("conv1, conv2"), msg);
            msg = assertThrows(IllegalArgumentException.class, () -> net.filters("conv9")).getMessage();
            assertTrue(msg.contains("conv1"), msg);
        }
        try (Network dense = Cnn.input(1, 4, 4).flatten().dense(2).build()) {
            String msg = assertThrows(IllegalArgumentException.class, () -> dense.filters(2)).getMessage();
            assertTrue(msg.contains("no conv layers"), msg);
        }
    }

    @Test
    void savesAsPngOrTextAndRefusesSvg(@TempDir Path dir) throws Exception {
        FilterPicture p = FilterPicture.of("k", new float[][][][] {{{{1, -1}, {-1, 1}}}}, null);
        Path png = p.save(dir.resolve("sub/k.png"));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        assertEquals(p.describe(), Files.readString(p.save(dir.resolve("k.txt"))));
        String msg = assertThrows(IllegalArgumentException.class, () -> p.save(dir.resolve("k.svg"))).getMessage();
        assertTrue(msg.contains(".png"), msg);
        assertNotEquals(0, p.png().length);
    }
}
