package org.cnnlab.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Per-thread direct buffers in which batches are assembled before PyTorch copies them. One thread builds
 * one batch at a time, so each slot is reused as soon as the previous batch has been copied out.
 */
final class Staging {
    private static final ThreadLocal<ByteBuffer[]> SLOTS = ThreadLocal.withInitial(() -> new ByteBuffer[2]);

    private Staging() {}

    /** A cleared native-order direct buffer of at least {@code bytes} bytes, limited to exactly that many. */
    static ByteBuffer buffer(int slot, int bytes) {
        ByteBuffer[] slots = SLOTS.get();
        ByteBuffer b = slots[slot];
        if (b == null || b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            slots[slot] = b;
        }
        b.clear().limit(bytes);
        return b;
    }
}
