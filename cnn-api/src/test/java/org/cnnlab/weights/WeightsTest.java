package org.cnnlab.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cnnlab.Cnn;
import org.cnnlab.Network;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.data.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files written by PyTorch (tests/torchvision/make_fixtures.py, Debian's python3-torch 1.13): a small
 * torchvision-style network's state dict and its output on a fixed input, tensors saved as views, and a
 * pickle naming os.system.
 */
class WeightsTest {
    /** The network of make_fixtures.py: features conv, relu, maxpool, conv, batchnorm, relu; classifier linear. */
    static final Cnn TINY = Cnn.input(1, 8, 8).conv(4, 3).pad(1).relu().maxPool(2)
            .conv(6, 3).pad(1).batchNorm().relu().flatten().dense(5);

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(WeightsTest.class.getResource("/weights/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float maxDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static float[] forward(Network net, Map<String, StoredTensor> io) {
        StoredTensor in = io.get("input");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(in.floats(), new Shape(in.shape()));
            return net.forward(x).toFloatArray();
        }
    }

    @Test
    void aTorchStateDictLoadsByTorchvisionNamesAndComputesWhatPyTorchComputed() {
        Map<String, StoredTensor> io = Weights.read(resource("tiny-io.pth"));
        try (Network net = TINY.build()) {
            WeightImport done = Weights.load(net, resource("tiny.pth"));
            assertEquals(10, done.arrays(), "weight and bias of conv1, conv2, dense1; batch norm's four");
            assertEquals(net.parameterCount() + 12, done.numbers(), "weights plus batch norm's running mean and variance");
            assertTrue(done.torchvision(), done.toString());
            float d = maxDifference(io.get("output").floats(), forward(net, io));
            assertTrue(d <= 1e-5, "max difference against PyTorch " + d);
        }
    }

    /**
     * Training keeps a network's weights in one flat buffer; loading must write into that buffer, or the next
     * fit would go on training the old weights while the network computes with the loaded ones.
     */
    @Test
    void weightsLoadedIntoATrainedNetworkAreWhatTheNextFitTrains() {
        Map<String, StoredTensor> io = Weights.read(resource("tiny-io.pth"));
        ImageDataset toy = eightByEight(32);
        try (Network net = TINY.build()) {
            // The same optimizer settings both times, so the second fit continues the first's training session.
            net.fit(toy).epochs(1).batchSize(16).learningRate(1e-3).progress(false).run();
            Weights.load(net, resource("tiny.pth"));
            assertTrue(maxDifference(io.get("output").floats(), forward(net, io)) <= 1e-5);
            float[] loaded = conv1Weights(net);
            var history = net.fit(toy).epochs(1).batchSize(32).learningRate(1e-3).progress(false).run(); // one Adam step
            float moved = maxDifference(loaded, conv1Weights(net));
            assertTrue(moved > 0, "a training step after loading did not change the weights the network computes with "
                    + "(moved " + moved + "):\n" + history);
            assertTrue(moved < 0.01, "one step of 1e-3 moved a weight by " + moved + ": it did not start from the loaded weights");
        }
    }

    private float[] conv1Weights(Network net) {
        Path file = dir.resolve("now.safetensors");
        Weights.save(net, file);
        return Weights.read(file).get("conv1.weight").floats();
    }

    private static ImageDataset eightByEight(int n) {
        byte[] pixels = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 5;
            for (int k = 0; k < 64; k++) {
                pixels[i * 64 + k] = (byte) ((k * 7 + i * 31) % 256);
            }
        }
        return ImageDataset.of("toy 8x8", new ImageShape(1, 8, 8), pixels, labels, List.of("a", "b", "c", "d", "e"));
    }

    @Test
    void safetensorsRoundTripKeepsEveryNumber() {
        Path file = dir.resolve("tiny.safetensors");
        Map<String, StoredTensor> io = Weights.read(resource("tiny-io.pth"));
        try (Network a = TINY.build(); Network b = TINY.build()) {
            Weights.load(a, resource("tiny.pth"));
            Weights.save(a, file);
            assertTrue(Weights.read(file).containsKey("conv1.weight"));
            WeightImport done = Weights.load(b, file);
            assertTrue(!done.torchvision(), done.toString());
            assertEquals(0f, maxDifference(forward(a, io), forward(b, io)));
        }
    }

    @Test
    void viewsAndOtherTypesAreReadAsTheTensorsTheyShow() {
        Map<String, StoredTensor> t = Weights.read(resource("views.pth"));
        assertArrayEquals(new long[] {4, 3}, t.get("transposed").shape());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, t.get("transposed").floats());
        assertArrayEquals(new float[] {4, 5, 6, 7}, t.get("row").floats());
        assertEquals("Half", t.get("half").type());
        assertEquals(11f, t.get("half").floats()[11]);
        assertEquals(11f, t.get("double").floats()[11]);
    }

    @Test
    void aPickleNamingAnythingButTensorsIsRefusedWithoutRunningIt() {
        String msg = assertThrows(WeightFileException.class, () -> Weights.read(resource("whole-object.pth"))).getMessage();
        assertTrue(msg.contains("it names posix.system, which a state dict never does"), msg);
        assertTrue(msg.contains("torch.save(model.state_dict(), path)"), msg);
    }

    @Test
    void aMismatchListsEveryDifferenceAndLoadsNothing() {
        Cnn wider = Cnn.input(1, 8, 8).conv(5, 3).pad(1).relu().maxPool(2)
                .conv(6, 3).pad(1).batchNorm().relu().flatten().dense(5).dense(3);
        try (Network net = wider.build()) {
            float[] before = net.djl().block().getChildren().get(0).getValue().getParameters().get("weight").getArray().toFloatArray();
            WeightMismatchException e = assertThrows(WeightMismatchException.class,
                    () -> Weights.load(net, resource("tiny.pth")));
            String msg = e.getMessage();
            assertTrue(msg.contains("features.0.weight: the file has (4, 1, 3, 3), conv1.weight here is (5, 1, 3, 3)"), msg);
            assertTrue(msg.contains("features.3.weight: the file has (6, 4, 3, 3), conv2.weight here is (6, 5, 3, 3)"), msg);
            assertTrue(msg.contains("dense2.weight (3, 5) (torchvision: classifier.1.weight)"), msg);
            assertTrue(msg.contains("Nothing was loaded"), msg);
            assertEquals(e.mismatches().size(), 5, e.mismatches().toString());
            float[] after = net.djl().block().getChildren().get(0).getValue().getParameters().get("weight").getArray().toFloatArray();
            assertArrayEquals(before, after);
        }
    }

    @Test
    void aFileThatIsNoWeightFileIsExplained() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.pth"), "hello, these are not weights");
        String msg = assertThrows(WeightFileException.class, () -> Weights.read(text)).getMessage();
        assertTrue(msg.contains("does not start like a .safetensors file"), msg);
        msg = assertThrows(WeightFileException.class, () -> Weights.read(dir.resolve("missing.pth"))).getMessage();
        assertTrue(msg.contains("There is no file") && msg.contains("missing.pth"), msg);
        byte[] whole = Files.readAllBytes(resource("tiny.pth"));
        Path cut = Files.write(dir.resolve("cut.pth"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThrows(WeightFileException.class, () -> Weights.read(cut));
    }
}
