package org.cnnlab.handconv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.Random;
import org.cnnlab.Conv;
import org.cnnlab.Pool;
import org.cnnlab.runtime.CnnLabRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every by-hand result equals what DJL's real PyTorch operators compute on the same numbers: random small
 * integers (seeded), several strides and paddings, single channels, depth and banks, max and average.
 */
class DjlAgreementTest {
    private static final int[][] CASES = { // size, kernel, stride, pad
        {5, 3, 1, 0}, {5, 3, 1, 1}, {5, 3, 2, 0}, {7, 3, 2, 1}, {6, 2, 2, 0}, {8, 3, 1, 2}, {9, 5, 2, 2}, {7, 1, 3, 0}};

    @BeforeAll
    static void engine() {
        CnnLabRuntime.init();
    }

    private static int[][][] random(Random r, int c, int h, int w) {
        int[][][] m = new int[c][h][w];
        for (int[][] plane : m) {
            for (int[] row : plane) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextInt(7) - 3;
                }
            }
        }
        return m;
    }

    private static NDArray nd(NDManager m, int[][][]... stack) {
        int n = stack.length;
        int c = stack[0].length;
        int h = stack[0][0].length;
        int w = stack[0][0][0].length;
        float[] flat = new float[n * c * h * w];
        int k = 0;
        for (int[][][] item : stack) {
            for (int[][] plane : item) {
                for (int[] row : plane) {
                    for (int x : row) {
                        flat[k++] = x;
                    }
                }
            }
        }
        return m.create(flat, new Shape(n, c, h, w));
    }

    private static void assertSame(double[][][] byHand, NDArray djl, String what) {
        Shape s = djl.getShape();
        assertEquals(new Shape(1, byHand.length, byHand[0].length, byHand[0][0].length), s, what);
        float[] v = djl.toFloatArray();
        int k = 0;
        for (double[][] plane : byHand) {
            for (double[] row : plane) {
                for (double x : row) {
                    assertEquals(x, v[k++], 1e-4, what);
                }
            }
        }
    }

    @Test
    void convolutionEqualsConv2d() {
        Random r = new Random(42);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] c : CASES) {
                for (int channels : new int[] {1, 3}) {
                    int[][][] image = random(r, channels, c[0], c[0]);
                    int[][][][] bank = new int[4][][][];
                    for (int f = 0; f < bank.length; f++) {
                        bank[f] = random(r, channels, c[1], c[1]);
                    }
                    int bias = r.nextInt(5) - 2;
                    var byHand = Conv.byHand(image, bank).stride(c[2]).pad(c[3]).floored().bias(bias);
                    NDArray out = Conv2d.conv2d(nd(m, image), nd(m, bank), m.full(new Shape(4), (float) bias),
                            new Shape(c[2], c[2]), new Shape(c[3], c[3]), new Shape(1, 1)).singletonOrThrow();
                    assertSame(byHand.values(), out, byHand.sliding().subject());
                    double[][] single = Conv.byHand(image, bank[1]).stride(c[2]).pad(c[3]).floored().values()[0];
                    assertSame(new double[][][] {single}, out.get(":, 1:2").sub((float) bias), "filter 1 alone");
                }
            }
        }
    }

    @Test
    void poolingEqualsMaxPool2dAndAvgPool2d() {
        Random r = new Random(1);
        int[][] cases = {{4, 2, 2, 0}, {6, 3, 2, 1}, {5, 3, 1, 1}, {7, 2, 2, 1}, {5, 2, 2, 0}, {8, 3, 3, 1}};
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] c : cases) {
                int[][][] image = random(r, 2, c[0], c[0]);
                Shape k = new Shape(c[1], c[1]);
                Shape s = new Shape(c[2], c[2]);
                Shape p = new Shape(c[3], c[3]);
                var max = Pool.max(image, c[1]).stride(c[2]).pad(c[3]).floored();
                assertSame(max.values(), ai.djl.nn.pooling.Pool.maxPool2d(nd(m, image), k, s, p, false), "max " + c[0]);
                var avg = Pool.average(image, c[1]).stride(c[2]).pad(c[3]).floored();
                assertSame(avg.values(), ai.djl.nn.pooling.Pool.avgPool2d(nd(m, image), k, s, p, false, true),
                        "average " + c[0]);
            }
        }
    }
}
