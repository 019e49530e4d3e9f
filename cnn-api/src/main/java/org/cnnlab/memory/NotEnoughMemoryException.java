package org.cnnlab.memory;

/**
 * Refuses an allocation that would not fit in the memory this process can use, before anything is allocated:
 * on a real machine the alternative is the operating system killing the whole process (a notebook kernel
 * dies, every variable with it). The message gives the arithmetic, the layer to blame and a fix.
 */
public final class NotEnoughMemoryException extends RuntimeException {
    private final long needed;
    private final long available;

    NotEnoughMemoryException(String message, long needed, long available) {
        super(message);
        this.needed = needed;
        this.available = available;
    }

    /** Bytes the refused step would have allocated. */
    public long needed() {
        return needed;
    }

    /** Bytes this process could use when the step was refused. */
    public long available() {
        return available;
    }
}
