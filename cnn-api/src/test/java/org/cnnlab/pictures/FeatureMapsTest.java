package org.cnnlab.pictures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.geometry.GeometryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feature maps are what the network computes: the same numbers a hand-written convolution gives. */
class FeatureMapsTest {
    private static Network net;

    @BeforeAll
    static void build() {
        Engine.getInstance().setRandomSeed(42);
        net = Architectures.leNet5(1, 28, 10).build();
        // Fresh biases are zero; give them values so the by-hand sums prove the bias is added too.
        net.djl().block().getChildren().get(0).getValue().getParameters().get("bias").getArray()
                .set(new float[] {0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.6f});
        float[] b2 = new float[16];
        for (int i = 0; i < 16; i++) {
            b2[i] = (i - 8) / 20f;
        }
        net.djl().block().getChildren().get(3).getValue().getParameters().get("bias").getArray().set(b2);
    }

    @AfterAll
    static void close() {
        net.close();
    }

    private static float[] parameter(int layer, String name) {
        Block b = net.djl().block().getChildren().get(layer - 1).getValue();
        return b.getParameters().get(name).getArray().toFloatArray();
    }

    /** Convolution by plain loops: bias plus the sum over channels and window, zero outside the input. */
    static float[][][] convolve(float[][][] in, float[] w, float[] bias, int filters, int k, int pad) {
        int c = in.length;
        int h = in[0].length + 2 * pad - k + 1;
        int wd = in[0][0].length + 2 * pad - k + 1;
        float[][][] out = new float[filters][h][wd];
        for (int f = 0; f < filters; f++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < wd; x++) {
                    double sum = bias[f];
                    for (int ch = 0; ch < c; ch++) {
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                int yy = y + i - pad;
                                int xx = x + j - pad;
                                if (yy >= 0 && yy < in[0].length && xx >= 0 && xx < in[0][0].length) {
                                    sum += w[((f * c + ch) * k + i) * k + j] * in[ch][yy][xx];
                                }
                            }
                        }
                    }
                    out[f][y][x] = (float) sum;
                }
            }
        }
        return out;
    }

    static void assertClose(float[][][] expected, float[][][] actual, String what) {
        assertEquals(expected.length, actual.length, what + " maps");
        for (int f = 0; f < expected.length; f++) {
            for (int y = 0; y < expected[f].length; y++) {
                for (int x = 0; x < expected[f][y].length; x++) {
                    assertEquals(expected[f][y][x], actual[f][y][x], 1e-4, what + " map " + f + " at " + y + "," + x);
                }
            }
        }
    }

    @Test
    void conv1MapsEqualTheConvolutionByHand() {
        float[][] digit = GalleryTest.digit();
        FeatureMaps fm = net.featureMaps(digit, "conv1");
        float[][][] expected = convolve(new float[][][] {digit}, parameter(1, "weight"), parameter(1, "bias"), 6, 5, 2);
        assertClose(expected, fm.maps(), "conv1");
        assertEquals(-0.6f, parameter(1, "bias")[5], "the biases were set");
        assertEquals(List.of("conv1"), fm.layers());
    }

    @Test
    void deeperLayersFollowByHandToo() {
        float[][] digit = GalleryTest.digit();
        FeatureMaps fm = net.featureMaps(digit, "pool1", "conv2", "relu1");
        assertEquals(List.of("relu1", "pool1", "conv2"), fm.layers(), "in network order");
        float[][][] conv1 = convolve(new float[][][] {digit}, parameter(1, "weight"), parameter(1, "bias"), 6, 5, 2);
        float[][][] relu = new float[6][28][28];
        float[][][] pool = new float[6][14][14];
        for (int f = 0; f < 6; f++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    relu[f][y][x] = Math.max(0, conv1[f][y][x]);
                    pool[f][y / 2][x / 2] = Math.max(pool[f][y / 2][x / 2], relu[f][y][x]);
                }
            }
        }
        assertClose(relu, fm.maps("relu1"), "relu1");
        assertClose(pool, fm.maps("pool1"), "pool1");
        assertClose(convolve(fm.maps("pool1"), parameter(4, "weight"), parameter(4, "bias"), 16, 5, 0),
                fm.maps("conv2"), "conv2");
    }

    @Test
    void takesGreyArraysChannelArraysAndNDArrays() {
        float[][] digit = GalleryTest.digit();
        float[][][] maps = net.featureMaps(digit, "conv1").maps();
        assertClose(maps, net.featureMaps(new float[][][] {digit}, "conv1").maps(), "float[][][]");
        try (NDManager m = NDManager.newBaseManager()) {
            float[] flat = new float[28 * 28];
            for (int y = 0; y < 28; y++) {
                System.arraycopy(digit[y], 0, flat, y * 28, 28);
            }
            assertClose(maps, net.featureMaps(m.create(flat, new Shape(28, 28)), "conv1").maps(), "NDArray (H, W)");
            assertClose(maps, net.featureMaps(m.create(flat, new Shape(1, 28, 28)), "conv1").maps(), "NDArray (C, H, W)");
        }
        assertArrayEquals(digit[8], net.featureMaps(digit, "conv1").input()[0][8]);
    }

    @Test
    void explainsWhatCannotBeDrawn() {
        float[][] digit = GalleryTest.digit();
        String msg = assertThrows(IllegalArgumentException.class, () -> net.featureMaps(digit, "dense1")).getMessage();
        assertTrue(msg.contains("flat vector of 120") && msg.contains("conv1"), msg);
        msg = assertThrows(IllegalStateException.class, () -> net.featureMaps(digit, "conv1", "conv2").withFilters())
                .getMessage();
        assertTrue(msg.contains("one conv layer"), msg);
        msg = assertThrows(IllegalStateException.class, () -> net.featureMaps(digit, "relu1").withFilters()).getMessage();
        assertTrue(msg.contains("relu1"), msg);
        assertThrows(GeometryException.class, () -> net.featureMaps(new float[20][20], "conv1"));
    }

    @Test
    void picturesHoldTheMapsWhereTheySay() {
        float[][] digit = GalleryTest.digit();
        FeatureMaps fm = net.featureMaps(digit, "relu1");
        TileGrid g = fm.grid();
        assertEquals(7, g.tiles().size(), "the input, then six maps");
        float[][][] m = fm.maps();
        double[] range = g.rangeOf(1);
        int s = g.scale(1);
        for (int y = 0; y < 28; y += 5) {
            for (int x = 0; x < 28; x += 5) {
                int expected = ColorMap.VIRIDIS.rgb((m[0][y][x] - range[0]) / (range[1] - range[0]));
                assertEquals(expected, g.image().getRGB(g.tileBounds(1).x + x * s, g.tileBounds(1).y + y * s) & 0xffffff);
            }
        }
        assertEquals(12, net.featureMaps(digit, "conv1").withFilters().grid().tiles().size());
        FeatureMaps tour = net.featureMaps(digit);
        assertEquals(List.of("conv1", "conv2"), tour.layers(), "no names: every conv layer");
        assertEquals(3 * 8, tour.grid().tiles().size(), "rows: input, conv1, conv2; 8 columns");
    }

    @Test
    void theTextSaysWhatEachMapHolds() {
        String text = net.featureMaps(GalleryTest.digit(), "conv1").describe();
        assertTrue(text.startsWith("Feature maps of one 1 x 28 x 28 image at conv1"), text);
        assertTrue(text.contains("conv1 (conv 5x5, 6 filters, pad 2): 6 maps of 28x28"), text);
        assertTrue(text.contains(" map      min      max     mean"), text);
        assertEquals(2 + 1 + 6, text.lines().count(), text);
    }
}
