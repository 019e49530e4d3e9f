package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnlab.Cnn;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.junit.jupiter.api.Test;

/** A network ending in global average pooling, with no dense layer, trains like any other. */
class GlobalPoolTrainingTest {
    @Test
    void anAllConvolutionalNetworkLearnsAndAnswersOnLargerImages() {
        DatasetPair data = Datasets.fashionMnistSample();
        Seeds.set(4);
        try (Network net = Cnn.input(1, 28, 28).conv(16, 3).padSame().relu().maxPool(2)
                .conv(32, 3).padSame().relu().maxPool(2).conv(10, 3).padSame().globalAvgPool().build()) {
            History h = net.fit(data.train()).epochs(3).batchSize(64).optimizer(Optimizers.adam(1e-3)).progress(false).run();
            double accuracy = net.evaluate(data.test()).accuracy();
            System.out.println("GAP net: " + h + " accuracy " + accuracy);
            assertTrue(accuracy > 0.3, "better than the 10% of guessing, accuracy " + accuracy);
            float[] p = net.predict(new float[1][56][56]).probabilities();
            assertTrue(!Float.isNaN(p[0]), "finite probabilities on 56x56");
        }
    }
}
