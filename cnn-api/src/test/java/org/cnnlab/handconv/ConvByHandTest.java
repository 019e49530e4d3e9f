package org.cnnlab.handconv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnlab.Conv;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.junit.jupiter.api.Test;

/** The course's numbers, worked out by hand, and the explanations a student gets when they do not fit. */
class ConvByHandTest {
    static final int[][] IMAGE = {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}};
    static final int[][] KERNEL = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};

    static int[][] square(int n) {
        int[][] m = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = i * n + j + 1;
            }
        }
        return m;
    }

    @Test
    void theClassicFiveByFiveGivesTheCoursesFeatureMap() {
        var conv = Conv.byHand(IMAGE, KERNEL);
        assertArrayEquals(new int[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}}, conv.output());
        assertEquals(Volume.of(1, 3, 3), conv.outputSize());
        assertEquals(9, conv.steps().size());
    }

    @Test
    void aStepWritesTheDotProductOut() {
        ConvStep s = Conv.byHand(IMAGE, KERNEL).step(0, 0);
        assertEquals("1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4", s.dotProduct());
        assertEquals(4, s.value());
        assertEquals("rows 0 to 2, columns 0 to 2", s.windowPlace());
        ConvStep mid = Conv.byHand(IMAGE, KERNEL).step(1, 2);
        assertEquals(1, mid.top());
        assertEquals(2, mid.left());
        assertEquals("1*1 + 1*0 + 0*1 + 1*0 + 1*1 + 1*0 + 1*1 + 1*0 + 0*1 = 3", mid.dotProduct());
        assertTrue(mid.toString().startsWith("output[1][2] = 3, window on input rows 1 to 3, columns 2 to 4:"),
                mid.toString());
    }

    @Test
    void paddingAddsZerosAroundAndKeepsTheSize() {
        var conv = Conv.byHand(IMAGE, KERNEL).pad(1);
        int[][] out = conv.output();
        assertEquals(5, out.length);
        ConvStep corner = conv.step(0, 0);
        assertEquals(-1, corner.top());
        assertTrue(corner.isPadding(0, 0));
        assertFalse(corner.isPadding(1, 1));
        assertEquals("0*1 + 0*0 + 0*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 2", corner.dotProduct());
        assertEquals(2, out[0][0]);
    }

    @Test
    void strideSkipsPositions() {
        var conv = Conv.byHand(IMAGE, KERNEL).stride(2);
        assertArrayEquals(new int[][] {{4, 4}, {2, 4}}, conv.output());
        assertEquals(2, conv.step(1, 1).top());
        assertEquals(Volume.of(1, 4, 4), Conv.byHand(square(7), KERNEL).stride(2).pad(1).outputSize());
    }

    @Test
    void biasIsAddedLastAndShownInTheDotProduct() {
        ConvStep s = Conv.byHand(IMAGE, KERNEL).bias(-1).step(0, 0);
        assertEquals(3, s.value());
        assertTrue(s.dotProduct().endsWith("1*1 + (-1) (bias) = 3"), s.dotProduct());
        String msg = assertThrows(IllegalArgumentException.class, () -> Conv.byHand(IMAGE, KERNEL).bias(0.5)).getMessage();
        assertTrue(msg.contains("Received: bias=0.5"), msg);
        assertEquals(4.5, Conv.byHand(new double[][] {{1, 2}, {3, 4}}, new double[][] {{0.5}}).bias(4).step(0, 0).value());
    }

    @Test
    void fractionsAndNegativesAreWrittenReadably() {
        var conv = Conv.byHand(new double[][] {{0.5, -1}, {2, 0}}, new double[][] {{-2, 0.25}, {1, 1}});
        assertEquals("0.5*(-2) + (-1)*0.25 + 2*1 + 0*1 = 0.75", conv.step(0, 0).dotProduct());
        assertArrayEquals(new double[][] {{0.75}}, conv.output());
    }

    @Test
    void aKernelSpansTheFullDepthOfTheImage() {
        int[][][] image = {square(4), IMAGE4(), square(4)};
        int[][][] kernel = {{{1, 0}, {0, 1}}, {{1, 1}, {0, 0}}, {{0, 0}, {0, -1}}};
        var conv = Conv.byHand(image, kernel);
        int[][] out = conv.output();
        assertEquals(3, out.length);
        // channel 1: 1 + 6; channel 2: 1 + 1; channel 3: -6 (learner-facing names count from 1)
        assertEquals(1 + 6 + 1 + 1 - 6, out[0][0]);
        String dot = conv.step(0, 0).dotProduct();
        assertEquals("channel 1: 1*1 + 2*0 + 5*0 + 6*1 = 7\n"
                + "channel 2: 1*1 + 1*1 + 1*0 + 1*0 = 2\n"
                + "channel 3: 1*0 + 2*0 + 5*0 + 6*(-1) = -6\n"
                + "sum: 7 + 2 + (-6) = 3", dot);
    }

    private static int[][] IMAGE4() {
        return new int[][] {{1, 1, 0, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}, {0, 0, 1, 1}};
    }

    @Test
    void aBankOfSixFiltersOverAThirtyTwoByThreeImageGivesSixMapsOfTwentyEight() {
        java.util.Random r = new java.util.Random(7);
        int[][][] image = new int[3][32][32];
        int[][][][] bank = new int[6][3][5][5];
        for (int[][] plane : image) {
            for (int[] row : plane) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextInt(4);
                }
            }
        }
        bank[2][1][2][2] = 1; // filter 2 copies the middle of channel 1
        var conv = Conv.byHand(image, bank);
        int[][][] out = conv.output();
        assertEquals(Volume.of(6, 28, 28), conv.outputSize());
        assertEquals(6, out.length);
        assertEquals(28, out[0].length);
        assertEquals(28, out[0][0].length);
        assertEquals(image[1][2 + 10][2 + 20], out[2][10][20]);
        assertEquals(6 * 28 * 28, conv.steps().size());
        String msg = assertThrows(IllegalArgumentException.class, () -> conv.step(1, 1)).getMessage();
        assertTrue(msg.contains("step(filter, row, col)"), msg);
    }

    @Test
    void aKernelOfTheWrongDepthIsExplained() {
        int[][][] image = {IMAGE, IMAGE, IMAGE};
        int[][][] kernel = {KERNEL, KERNEL};
        String msg = assertThrows(IllegalArgumentException.class, () -> Conv.byHand(image, kernel)).getMessage();
        assertEquals("The kernel has 2 channels but the image has 3: a filter spans the full depth of its input. "
                + "Give it 3 channels, [3][3][3].", msg);
    }

    @Test
    void raggedAndEmptyMatricesAreExplained() {
        String ragged = assertThrows(IllegalArgumentException.class,
                () -> Conv.byHand(new int[][] {{1, 2, 3}, {4, 5}}, KERNEL)).getMessage();
        assertEquals("the image: row 1 has 2 numbers but row 0 has 3: a matrix must be a rectangle.", ragged);
        String empty = assertThrows(IllegalArgumentException.class,
                () -> Conv.byHand(IMAGE, new int[0][])).getMessage();
        assertTrue(empty.startsWith("the kernel is empty"), empty);
    }

    @Test
    void aStrideThatDoesNotFitGivesTheBuildersExplanation() {
        var conv = Conv.byHand(square(7), KERNEL).stride(3);
        assertFalse(conv.fits());
        String msg = assertThrows(GeometryException.class, conv::output).getMessage();
        assertEquals("Conv.byHand(7x7 image, 3x3 kernel, stride 3) does not fit its input along the height and width:\n"
                + "  (N - F + 2P) / S + 1 = (7 - 3 + 2*0) / 3 + 1 = 4/3 + 1 = 2.33, not a whole number.\n"
                + "  The last 1 row/column of the input would be skipped: PyTorch and DJL silently floor this to 2.\n"
                + "How to fix it (any one):\n"
                + "  - .stride(1) gives 5, .stride(2) gives 3\n"
                + "  - .pad(1) gives (7 - 3 + 2*1) / 3 + 1 = 3\n"
                + "  - an input of 6 or 9 fits as it is", msg);
        assertThrows(GeometryException.class, () -> conv.step(0, 0));
        assertEquals(msg, conv.toString());
        assertEquals(Volume.of(1, 3, 3), conv.pad(1).outputSize());
    }

    @Test
    void flooredKeepsOnlyWholeWindowsAsPyTorchDoes() {
        var conv = Conv.byHand(square(7), KERNEL).stride(3).floored();
        assertEquals(Volume.of(1, 2, 2), conv.outputSize());
        assertEquals(1, conv.sliding().droppedRows());
        assertEquals(1, conv.sliding().droppedCols());
        assertTrue(conv.toString().contains("floored gives 1 x 2 x 2"), conv.toString());
        var tooBig = Conv.byHand(square(2), KERNEL).floored();
        String msg = assertThrows(GeometryException.class, tooBig::output).getMessage();
        assertTrue(msg.startsWith("Conv.byHand(2x2 image, 3x3 kernel) is larger than its input"), msg);
    }

    @Test
    void askingForACellOutsideTheOutputSaysWhereItEnds() {
        String msg = assertThrows(IndexOutOfBoundsException.class, () -> Conv.byHand(IMAGE, KERNEL).step(3, 0))
                .getMessage();
        assertEquals("There is no output cell (3, 0): the output is 3x3, so row goes from 0 to 2 and col from 0 to 2 (Java indices, counted from 0).", msg);
    }

    @Test
    void toStringShowsTheAlignedOutput() {
        assertEquals("Conv.byHand(5x5 image, 3x3 kernel) gives 1 x 3 x 3:\n"
                + "  4 3 4\n  2 4 3\n  2 3 4", Conv.byHand(IMAGE, KERNEL).toString());
    }
}
