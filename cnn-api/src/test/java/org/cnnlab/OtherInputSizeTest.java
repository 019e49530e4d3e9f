package org.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.pictures.FeatureMaps;
import org.cnnlab.train.Prediction;
import org.junit.jupiter.api.Test;

/** A built network made only of convolutions, pooling and global average pooling runs on other image sizes. */
class OtherInputSizeTest {
    private static final Cnn ALL_CONV = Cnn.input(1, 28, 28).conv(8, 3).padSame().relu().maxPool(2)
            .conv(16, 3).padSame().relu().globalAvgPool().dense(10);

    @Test
    void sameWeightsOnLargerImages() {
        try (Network net = ALL_CONV.build(); NDManager m = NDManager.newBaseManager()) {
            NDArray small = m.randomUniform(0, 1, new Shape(1, 28, 28));
            assertEquals(new Shape(1, 10), net.forward(small).getShape());
            NDArray big = m.randomUniform(0, 1, new Shape(3, 1, 56, 56));
            assertEquals(new Shape(3, 10), net.forward(big).getShape());
            assertEquals(new Shape(1, 16, 15, 21), net.djl().activation(m.zeros(new Shape(1, 30, 42)), "conv2").getShape());
            // Global average pooling of a picture tiled 2x2 from the same image gives what the image gives,
            // apart from the borders, where padding meets different neighbours: close, not equal.
            NDArray tiled = small.concat(small, 2).concat(small.concat(small, 2), 1);
            float[] a = net.forward(small).toFloatArray();
            float[] b = net.forward(tiled).toFloatArray();
            double diff = 0;
            for (int k = 0; k < a.length; k++) {
                diff = Math.max(diff, Math.abs(a[k] - b[k]));
            }
            assertTrue(diff < 0.5, "tiled image gives a similar answer, diff " + diff);
        }
    }

    @Test
    void globalAveragePoolingIsEachMapsMeanAtAnySize() {
        try (Network net = ALL_CONV.build(); NDManager m = NDManager.newBaseManager()) {
            for (int size : new int[] {28, 56, 44}) {
                NDArray x = m.randomUniform(0, 1, new Shape(2, 1, size, size));
                NDArray maps = net.djl().activation(x, "relu2");
                NDArray means = maps.mean(new int[] {3}).mean(new int[] {2});
                NDArray pooled = net.djl().activation(x, "globalAvgPool1");
                assertEquals(new Shape(2, 16), pooled.getShape());
                assertTrue(means.allClose(pooled, 1e-6, 1e-6, false), "size " + size);
            }
        }
    }

    @Test
    void featureMapsAndPredictTakeOtherSizes() {
        try (Network net = ALL_CONV.build()) {
            float[][][] image = new float[1][56][56];
            image[0][20][30] = 1;
            FeatureMaps maps = net.featureMaps(image, "conv1", "conv2");
            assertEquals(56, maps.maps("conv1")[0].length);
            assertEquals(28, maps.maps("conv2")[0][0].length);
            Prediction p = net.predict(image);
            assertEquals(10, p.probabilities().length);
        }
    }

    @Test
    void aDenseNetworkRefusesOtherSizesWithTheExplanation() {
        try (Network net = Architectures.leNet5(1, 28, 10).build(); NDManager m = NDManager.newBaseManager()) {
            String msg = assertThrows(GeometryException.class, () -> net.forward(m.zeros(new Shape(1, 56, 56))))
                    .getMessage();
            assertTrue(msg.contains("dense1 (layer 8: dense 120 units) is fully connected"), msg);
            assertTrue(msg.contains("400 numbers it was built for, and these images give it 2,304 (flatten1 lays out 16 x 12 x 12 instead of 16 x 5 x 5)"), msg);
            // The layers before the dense ones take the larger image: asking for one of them runs only those.
            assertEquals(new Shape(1, 16, 12, 12), net.djl().activation(m.zeros(new Shape(1, 56, 56)), "pool2").getShape());
            msg = assertThrows(GeometryException.class, () -> net.predict(new float[1][56][56])).getMessage();
            assertTrue(msg.contains("is fully connected"), msg);
            msg = assertThrows(GeometryException.class, () -> net.featureMaps(new float[1][29][29], "conv1")).getMessage();
            assertTrue(msg.contains("cannot take 1 x 29 x 29") && msg.contains("pool1"), msg);
        }
    }
}
