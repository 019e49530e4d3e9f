package org.cnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cnnlab.runtime.CnnLabRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HostCopiesTest {
    @BeforeAll
    static void engine() {
        CnnLabRuntime.init();
    }

    @Test
    void aCopyDoesNotFollowItsStagingBuffer() {
        ByteBuffer staging = ByteBuffer.allocateDirect(4 * Float.BYTES).order(ByteOrder.nativeOrder());
        staging.asFloatBuffer().put(new float[] {1, 2, 3, 4});
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray copy = HostCopies.copyOf(m, staging, new Shape(2, 2), DataType.FLOAT32);
            staging.asFloatBuffer().put(new float[] {9, 9, 9, 9});
            assertArrayEquals(new float[] {1, 2, 3, 4}, copy.toFloatArray());
        }
    }

    @Test
    void aHeapBufferIsRefusedWithWhatWasReceived() {
        try (NDManager m = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HostCopies.copyOf(m, ByteBuffer.allocate(8), new Shape(2), DataType.FLOAT32));
            assertTrue(e.getMessage().contains("heap buffer of 8 bytes"), e.getMessage());
        }
    }

    @Test
    void overwriteWritesIntoTheArraysOwnMemorySoViewsSeeIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray flat = m.zeros(new Shape(6));
            NDArray view = flat.get("2:6").reshape(2, 2); // a parameter seen through a flat buffer
            view.setRequiresGradient(true);
            HostCopies.overwrite(view, new float[] {1, 2, 3, 4});
            assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4}, flat.toFloatArray());
            assertArrayEquals(new float[] {1, 2, 3, 4}, view.toFloatArray());
        }
    }

    @Test
    void overwriteRefusesTheWrongCountSayingBoth() {
        try (NDManager m = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HostCopies.overwrite(m.zeros(new Shape(2, 3)), new float[5]));
            assertTrue(e.getMessage().contains("5 numbers") && e.getMessage().contains("(2, 3)"), e.getMessage());
        }
    }
}
