package org.cnnlab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.engine.HostCopies;

/**
 * The fast path from bytes to a DJL batch. Training at ~12,000 images a second on 2 cores leaves a few
 * microseconds per image for everything, so a batch is built in one pass: each pixel byte is looked up in
 * its channel's 256-entry {@link Normalization#table(int) table} and written into a direct native-order
 * staging buffer, reused from batch to batch, of which PyTorch takes a copy in one go. No per-pixel NDArray
 * operations.
 */
final class Batches {
    private Batches() {}

    static NDList build(NDManager manager, ImageShape shape, byte[] pixels, int[] labels, int[] rows,
                        Normalization normalization) {
        int channels = shape.channels();
        int plane = shape.planeSize();
        float[][] tables = new float[channels][];
        for (int c = 0; c < channels; c++) {
            tables[c] = normalization.table(c);
        }
        ByteBuffer dataBytes = Staging.buffer(0, rows.length * shape.size() * Float.BYTES);
        FloatBuffer data = dataBytes.asFloatBuffer();
        float[] line = new float[plane];
        ByteBuffer labelBytes = Staging.buffer(1, rows.length * Float.BYTES);
        FloatBuffer labelOut = labelBytes.asFloatBuffer();
        for (int row : rows) {
            int offset = row * shape.size();
            for (int c = 0; c < channels; c++) {
                float[] table = tables[c];
                for (int k = 0; k < plane; k++) {
                    line[k] = table[pixels[offset++] & 0xff];
                }
                data.put(line);
            }
            labelOut.put(labels[row]);
        }
        // The staging buffers are reused by the next batch: the arrays get copies of their own.
        NDArray x = HostCopies.copyOf(manager, dataBytes,
                new Shape(rows.length, channels, shape.height(), shape.width()), DataType.FLOAT32);
        NDArray y = HostCopies.copyOf(manager, labelBytes, new Shape(rows.length), DataType.FLOAT32);
        return new NDList(x, y);
    }

    /** Cuts {@code order} into consecutive arrays of {@code batchSize}; the last holds what is left. */
    static List<int[]> chunk(int[] order, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1. Received: batchSize=" + batchSize);
        }
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int[] batch = new int[Math.min(batchSize, order.length - start)];
            System.arraycopy(order, start, batch, 0, batch.length);
            batches.add(batch);
        }
        return batches;
    }
}
