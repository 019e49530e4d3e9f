package org.cnnlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;

/**
 * Numbers from Java into PyTorch arrays that own their memory.
 *
 * <p>Why this is a class of its own: on the CPU, DJL does not copy a direct Java buffer it is given. Both
 * {@code NDManager.create(ByteBuffer, ..)} and {@code NDArray.set(Buffer)} make the array's memory <em>be</em>
 * the Java buffer. A buffer that is reused (a staging buffer, filled again for the next batch) then changes
 * arrays already handed out, and one that is replaced can be freed under them: wrong batches, NaN losses.
 * {@code NDArray.set} also prints PyTorch's "AutoNonVariableTypeMode is deprecated" warning into the user's
 * terminal. Every transfer from Java therefore goes through here, and nothing else calls those two.
 */
public final class HostCopies {
    private HostCopies() {}

    /**
     * An array of {@code shape} and {@code type} holding a copy of {@code staging}'s bytes, on
     * {@code manager}'s device; {@code staging} (direct, native order) may be refilled as soon as this returns.
     */
    public static NDArray copyOf(NDManager manager, ByteBuffer staging, Shape shape, DataType type) {
        if (!staging.isDirect()) {
            throw new IllegalArgumentException("HostCopies.copyOf needs a direct buffer (ByteBuffer.allocateDirect). "
                    + "Received a heap buffer of " + staging.remaining() + " bytes.");
        }
        NDArray view = manager.create(staging, shape, type);
        if (!view.getDevice().isGpu()) {
            // On the CPU the view is the Java buffer itself: clone it into memory PyTorch owns. (On a GPU the
            // engine has already copied the bytes across.)
            NDArray owned = view.duplicate();
            view.close();
            return owned;
        }
        return view;
    }

    /**
     * Writes {@code values} into {@code target}'s own memory, element by element in row-major order, so that
     * everything viewing that memory (a flat parameter buffer, an optimizer's state) sees the new numbers.
     */
    public static void overwrite(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException("Cannot write " + values.length + " numbers into an array of shape "
                    + target.getShape() + " (" + target.size() + " numbers).");
        }
        try (NoGrad ignored = NoGrad.start();
             NDManager scratch = target.getManager().newSubManager();
             NDArray source = scratch.create(values, target.getShape())) {
            target.set(new NDIndex(":"), source); // every row: a slice assignment, in place
        }
    }
}
