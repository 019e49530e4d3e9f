package org.cnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.atomic.AtomicReference;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.data.Datasets;
import org.junit.jupiter.api.Test;

class NoGradTest {
    /** On a fresh thread (as a notebook cell runs) PyTorch records gradients; inference must not. */
    @Test
    void forwardOnAFreshThreadRecordsNoGraphAndRestoresTheSwitch() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            // Training attaches gradients to the parameters: from then on a recorded forward pass builds a graph.
            net.fit(Datasets.fashionMnistSample().train().take(64)).epochs(1).progress(false).run();
            Thread cell = new Thread(() -> {
                try (NDManager m = NDManager.newBaseManager()) {
                    assertTrue(JniUtils.isGradMode(), "a new thread starts with gradient recording on");
                    var out = net.forward(m.ones(new Shape(2, 1, 28, 28)));
                    assertFalse(out.hasGradient() || JniUtils.requiresGrad((ai.djl.pytorch.engine.PtNDArray) out),
                            "inference output must not be part of an autograd graph");
                    assertTrue(JniUtils.isGradMode(), "the thread's switch is put back");
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            cell.start();
            cell.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
