package org.cnnlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class CnnLabRuntimeTest {
    @Test
    void engineStartsOfflineFromTheNativeJar() {
        CnnLabRuntime.init();
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
        Engine engine = Engine.getEngine("PyTorch");
        assertEquals("PyTorch", engine.getEngineName());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3});
            assertEquals(14f, x.mul(x).sum().getFloat(), 1e-6);
        }
        assertTrue(engine.getVersion().startsWith("2."), engine.getVersion());
    }
}
