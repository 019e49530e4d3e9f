package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.cnnlab.engine.HostCopies;
import org.cnnlab.engine.NoGrad;

/**
 * What an optimizer remembers between steps besides the weights: its choice, how many steps it took (Adam's
 * {@code t}), and one number per weight for each of its slots (Adam's two moving averages, SGD's velocity), in
 * the {@linkplain FlatParameters flat} order. A saved model carries it, so a reloaded network trains on exactly
 * as the one that was saved would have (Keras saves its optimizer the same way); without it Adam would start its
 * step-size estimates again from zero and take large first steps on trained weights.
 *
 * <p>In a file, after the parameters:
 * <pre>
 * int t | t bytes of choice ("adam 0.001 0.0 0.0": kind, learning rate, momentum, weight decay; t = 0: nothing
 * remembered, and nothing follows) | int steps | long n | per slot: n little-endian floats
 * </pre>
 */
final class OptimizerMemory implements AutoCloseable {
    /** Numbers moved between Java and the engine at a time: 4 MB, whatever the network's size. */
    private static final int CHUNK = 1 << 20;

    private final OptimizerChoice choice;
    private final int steps;
    private final NDArray[] slots;

    OptimizerMemory(OptimizerChoice choice, int steps, NDArray[] slots) {
        this.choice = choice;
        this.steps = steps;
        this.slots = slots;
    }

    OptimizerChoice choice() {
        return choice;
    }

    int steps() {
        return steps;
    }

    NDArray[] slots() {
        return slots;
    }

    /** True when this memory can continue {@code choice} over {@code weights} numbers. */
    boolean continues(OptimizerChoice choice, long weights) {
        return this.choice.equals(choice) && slots.length == choice.stateSlots()
                && (slots.length == 0 || slots[0].size() == weights);
    }

    /** Writes {@code memory} (null: nothing remembered) in the layout above. */
    static void write(DataOutputStream out, OptimizerMemory memory) throws IOException {
        if (memory == null) {
            out.writeInt(0);
            return;
        }
        OptimizerChoice c = memory.choice;
        byte[] text = (c.kind().name().toLowerCase(Locale.ROOT) + " " + c.learningRate() + " " + c.momentum() + " "
                + c.weightDecay()).getBytes(StandardCharsets.US_ASCII);
        out.writeInt(text.length);
        out.write(text);
        out.writeInt(memory.steps);
        long n = memory.slots.length == 0 ? 0 : memory.slots[0].size();
        out.writeLong(n);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (NDArray slot : memory.slots) {
            for (long from = 0; from < n; from += CHUNK) {
                long to = Math.min(n, from + CHUNK);
                float[] part;
                try (NDArray piece = slot.get(new NDIndex("{}:{}", from, to))) {
                    part = piece.toFloatArray();
                }
                bytes.clear();
                bytes.asFloatBuffer().put(part);
                out.write(bytes.array(), 0, part.length * Float.BYTES);
            }
        }
    }

    /**
     * Reads what {@link #write} wrote into arrays of {@code manager}; null when nothing was remembered, or when
     * {@code roomFor} says its number of slots does not fit in memory (then its bytes are read past: the model
     * loads, and its next fit starts the optimizer afresh). At most {@code weights} numbers per slot and at most
     * {@code bytesLeft} bytes are accepted, so damaged counts are refused before memory is asked for.
     */
    static OptimizerMemory read(DataInputStream in, NDManager manager, long weights, long bytesLeft,
                                IntPredicate roomFor) throws IOException {
        int t = in.readInt();
        if (t == 0) {
            return null;
        }
        if (t < 0 || t > 200) {
            throw new IOException("its optimizer description length " + t + " is impossible");
        }
        String[] v = new String(in.readNBytes(t), StandardCharsets.US_ASCII).split(" ");
        OptimizerChoice choice;
        try {
            OptimizerChoice.Kind kind = OptimizerChoice.Kind.valueOf(v[0].toUpperCase(Locale.ROOT));
            choice = new OptimizerChoice(kind, Double.parseDouble(v[1]), Double.parseDouble(v[2]))
                    .withWeightDecay(Double.parseDouble(v[3]));
        } catch (RuntimeException e) {
            throw new IOException("its optimizer description '" + String.join(" ", v) + "' cannot be read", e);
        }
        int steps = in.readInt();
        long n = in.readLong();
        int slotCount = choice.stateSlots();
        if (steps < 0 || n < 0 || n > weights || (long) slotCount * n * Float.BYTES > bytesLeft) {
            throw new IOException("its optimizer memory (" + steps + " steps, " + n + " numbers per slot) does not fit "
                    + "a network of " + weights + " weights or the file's length");
        }
        if (!roomFor.test(slotCount)) {
            in.skipNBytes((long) slotCount * n * Float.BYTES);
            return null;
        }
        NDArray[] slots = new NDArray[slotCount];
        try (NoGrad ignored = NoGrad.start()) {
            ByteBuffer staging = ByteBuffer.allocateDirect(CHUNK * Float.BYTES).order(ByteOrder.nativeOrder());
            byte[] bytes = new byte[CHUNK * Float.BYTES];
            for (int s = 0; s < slotCount; s++) {
                slots[s] = manager.zeros(new Shape(n), DataType.FLOAT32);
                for (long from = 0; from < n; from += CHUNK) {
                    int count = (int) Math.min(CHUNK, n - from);
                    in.readFully(bytes, 0, count * Float.BYTES);
                    staging.clear();
                    staging.asFloatBuffer().put(ByteBuffer.wrap(bytes, 0, count * Float.BYTES)
                            .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
                    staging.limit(count * Float.BYTES);
                    try (NDManager scratch = manager.newSubManager()) {
                        NDArray part = HostCopies.copyOf(scratch, staging, new Shape(count), DataType.FLOAT32);
                        slots[s].set(new NDIndex("{}:{}", from, from + count), part);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            new OptimizerMemory(choice, steps, slots).close();
            throw e;
        }
        return new OptimizerMemory(choice, steps, slots);
    }

    /** Frees the slots (once a session has adopted them, they are its own and this is not called). */
    @Override
    public void close() {
        for (NDArray slot : slots) {
            if (slot != null) {
                slot.close();
            }
        }
    }
}
