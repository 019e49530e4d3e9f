package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnlab.Network;
import org.cnnlab.geometry.GeometryException;
import org.junit.jupiter.api.Test;

/** predict refuses images that are not a full, rectangular image of the network's size, saying what it received. */
class PredictInputTest {
    @Test
    void raggedEmptyAndMisshapenImagesAreRefusedWithWhatWasReceived() {
        try (Network net = FitTest.leNet()) {
            float[][][] image = FitTest.DATA.test().image(0);
            assertEquals(10, net.predict(image).probabilities().length);

            image[0][5] = new float[27];
            assertMessage(net, image, "predict received a ragged image: channel 0, row 5 has 27 values where every "
                    + "row needs 28; this network takes one image of 1 x 28 x 28");
            image[0][5] = null;
            assertMessage(net, image, "channel 0, row 5 has no values (null)");
            assertMessage(net, new float[0][][], "predict received an image with no channels (float[0][][]); this "
                    + "network takes one image of 1 x 28 x 28 (channels x height x width) as float[1][28][28]");
            // Another size goes on to the layers, which explain where one does not tile it (a convolution works at any size).
            assertMessage(net, new float[1][27][28], "cannot take 1 x 27 x 28");
            assertMessage(net, new float[][][] {new float[28][28], new float[27][28]}, "predict received an image with 2 channels");
            assertMessage(net, new float[3][28][28], "predict received an image with 3 channels");
            assertMessage(net, null, "predict received null");
        }
    }

    private static void assertMessage(Network net, float[][][] image, String expected) {
        GeometryException e = assertThrows(GeometryException.class, () -> net.predict(image));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("How to fix it"), e.getMessage());
    }
}
