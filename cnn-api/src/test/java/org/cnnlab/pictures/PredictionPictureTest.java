package org.cnnlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.cnnlab.train.Prediction;
import org.cnnlab.train.Seeds;
import org.junit.jupiter.api.Test;

/** One image, its true class and the network's probabilities, in one picture. */
class PredictionPictureTest {
    private static final List<String> NAMES = List.of("cat", "dog", "bird");

    private static float[][][] image() {
        float[][][] im = new float[1][28][28];
        im[0][10][10] = 1;
        return im;
    }

    @Test
    void aRightAnswerIsGreenAndSaysSo() {
        PredictionPicture p = PredictionPicture.of(image(), "dog", new float[] {0.1f, 0.7f, 0.2f}, NAMES);
        assertTrue(p.right());
        assertEquals("Right: the network says dog (70.0%); true class: dog\n"
                + "probabilities: cat 10.0%, dog 70.0%, bird 20.0%", p.describe());
        BufferedImage img = p.image();
        assertTrue(contains(img, 0x2e7d32), "the answer's bar is green");
        assertFalse(contains(img, 0xc62828), "nothing is red");
        assertTrue(contains(img, 0xffffff) && contains(img, 0x000000), "the picture itself is drawn in grey levels");
    }

    @Test
    void aWrongAnswerIsRedAndNamesBoth() {
        PredictionPicture p = PredictionPicture.of(image(), "bird", new float[] {0.6f, 0.1f, 0.3f}, NAMES);
        assertFalse(p.right());
        assertTrue(p.describe().startsWith("Wrong: the network says cat (60.0%); true class: bird"), p.describe());
        assertTrue(contains(p.image(), 0xc62828));
    }

    @Test
    void missingProbabilitiesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PredictionPicture.of(image(), "cat", new float[0], NAMES));
        assertTrue(e.getMessage().contains("Received: 1 channels and 0 probabilities"), e.getMessage());
    }

    @Test
    void predictingOneImageNamesTheClassesOfTheDataTheNetworkKnows() {
        DatasetPair data = Datasets.fashionMnistSample();
        Seeds.set(7);
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            net.evaluate(data.test().take(20));
            float[][][] image = data.test().image(0);
            Prediction p = net.predict(image);
            assertTrue(data.test().classNames().contains(p.className()), "a class name, not a number: " + p.className());
            assertEquals(net.predict(data.test(), 0).toString(), p.toString());
            assertTrue(p.picture(image, data.test().className(0)).describe().contains("true class: "
                    + data.test().className(0)));
        }
    }

    private static boolean contains(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
