package org.cnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.cnnlab.model.LayerInfo;
import org.junit.jupiter.api.Test;

/** Built networks are real DJL blocks whose shapes and counts are the ones the arithmetic promised. */
class NetworkTest {
    private static void assertBlockMatchesItsDescription(Cnn description, int batch) {
        try (Network net = description.build(); NDManager m = NDManager.newBaseManager()) {
            Volume in = net.spec().input();
            NDArray x = m.randomUniform(0, 1, new Shape(batch, in.channels(), in.height(), in.width()));
            List<NDArray> acts = net.djl().activations(x);
            List<LayerInfo> infos = net.spec().infos();
            assertEquals(infos.size(), acts.size());
            for (int i = 0; i < infos.size(); i++) {
                Volume out = infos.get(i).output();
                Shape expected = out.flat() ? new Shape(batch, out.channels())
                        : new Shape(batch, out.channels(), out.height(), out.width());
                assertEquals(expected, acts.get(i).getShape(), infos.get(i).name());
            }
            assertEquals(net.parameterCount(), net.djl().parameterCount());
        }
    }

    @Test
    void leNetForwardAndCountsMatchDjl() {
        assertBlockMatchesItsDescription(Architectures.leNet5(1, 28, 10), 3);
        assertBlockMatchesItsDescription(Architectures.leNet5(), 1);
    }

    @Test
    void everyLayerKindMatchesDjl() {
        assertBlockMatchesItsDescription(Cnn.input(2, 10, 20).conv(4, 3, 5).stride(1, 3).pad(1, 0).batchNorm().tanh()
                .avgPool(2, 3).sigmoid().conv(4, 3).padSame().groups(2).relu().maxPool(3, 2).stride(2, 1).pad(1, 0)
                .flatten().dropout(0.3).dense(7), 2);
    }

    @Test
    void smallClassicsMatchDjl() {
        assertBlockMatchesItsDescription(Architectures.alexNet(3, 32, 10), 2);
        assertBlockMatchesItsDescription(Architectures.vgg16(1, 28, 10), 2);
    }

    @Test
    void forwardTakesOneImageOrABatchAndExplainsAWrongShape() {
        try (Network net = Architectures.leNet5(1, 28, 10).build(); NDManager m = NDManager.newBaseManager()) {
            assertEquals(new Shape(1, 10), net.forward(m.zeros(new Shape(1, 28, 28))).getShape());
            assertEquals(new Shape(5, 10), net.forward(m.zeros(new Shape(5, 1, 28, 28))).getShape());
            assertEquals(new Shape(1, 6, 14, 14), net.djl().activation(m.zeros(new Shape(1, 28, 28)), "pool1").getShape());
            String msg = assertThrows(GeometryException.class, () -> net.forward(m.zeros(new Shape(28, 28))))
                    .getMessage();
            assertTrue(msg.contains("Received: an array of shape (28, 28)") && msg.contains("x.reshape(1, 28, 28)"),
                    msg);
            assertTrue(net.toString().contains("61,706 parameters"), net.toString());
        }
    }

    @Test
    void askingForAMissingGpuSaysWhatIsMissing() {
        if (Device.gpuCount() == 0) {
            String msg = assertThrows(IllegalStateException.class, Device::gpu).getMessage();
            assertTrue(msg.startsWith("No GPU is available to PyTorch."), msg);
            assertTrue(msg.contains("How to fix it"), msg);
            assertEquals(Device.cpu(), Device.auto());
        } else {
            assertTrue(Device.auto().isGpu());
        }
    }
}
