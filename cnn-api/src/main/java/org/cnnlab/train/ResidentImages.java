package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.data.ImageShape;
import org.cnnlab.data.Normalization;
import org.cnnlab.engine.HostCopies;

/**
 * A dataset kept on the training device as bytes (a quarter of the memory of floats), uploaded once. A batch is
 * then a handful of engine calls, the same on a CPU and a GPU: upload the indices, gather the images and
 * labels, convert to float, normalise. The arithmetic is the one {@link ImageDataset#batch} does in Java
 * ({@code (byte / 255 - mean) / std} in float32), so both give the same numbers.
 */
final class ResidentImages implements BatchFeed {
    /** Upload in pieces of about this many bytes, so no single Java buffer has to hold a large dataset. */
    private static final int CHUNK_BYTES = 16 << 20;

    private final ImageDataset data;
    private final NDArray pixels;
    private final NDArray labels;
    private final NDArray mean;
    private final NDArray std;

    private ResidentImages(ImageDataset data, NDArray pixels, NDArray labels, NDArray mean, NDArray std) {
        this.data = data;
        this.pixels = pixels;
        this.labels = labels;
        this.mean = mean;
        this.std = std;
    }

    /** Copies every image (as bytes) and label of {@code data} to {@code manager}'s device. */
    static ResidentImages upload(ImageDataset data, NDManager manager) {
        return upload(data, manager, CHUNK_BYTES);
    }

    /**
     * The same in pieces of about {@code chunkBytes}, each going straight from the dataset's array into the
     * staging buffer (no array per piece in between), then joined on the device.
     */
    static ResidentImages upload(ImageDataset data, NDManager manager, int chunkBytes) {
        ImageShape shape = data.shape();
        int perChunk = Math.max(1, chunkBytes / shape.size());
        NDList chunks = new NDList();
        ByteBuffer staging = ByteBuffer.allocateDirect(Math.min(data.size(), perChunk) * shape.size());
        for (int from = 0; from < data.size(); from += perChunk) {
            int count = Math.min(perChunk, data.size() - from);
            staging.clear();
            data.copyPixels(from, count, staging);
            staging.flip();
            chunks.add(HostCopies.copyOf(manager, staging,
                    new Shape(count, shape.channels(), shape.height(), shape.width()), DataType.UINT8));
        }
        NDArray pixels = chunks.size() == 1 ? chunks.get(0) : NDArrays.concat(chunks);
        if (chunks.size() > 1) {
            chunks.close();
        }
        float[] labelValues = new float[data.size()];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = data.label(i);
        }
        NDArray labels = manager.create(labelValues);
        Normalization n = data.normalization();
        boolean unit = n.equals(Normalization.unit());
        NDArray mean = unit ? null : perChannel(manager, n.mean());
        NDArray std = unit ? null : perChannel(manager, n.std());
        return new ResidentImages(data, pixels, labels, mean, std);
    }

    @Override
    public NDList batch(NDManager manager, int[] indices) {
        NDArray at = manager.create(indices);
        NDArray bytes = pixels.get(at);
        bytes.attach(manager);
        // uint8 / float gives float32 in one operation, computed as float(v) / 255f: the table's arithmetic.
        NDArray x = bytes.div(255f);
        if (mean != null) {
            x = x.sub(mean).div(std);
        }
        NDArray y = labels.get(at);
        y.attach(manager);
        return new NDList(x, y);
    }

    /** The dataset this feed holds. */
    ImageDataset data() {
        return data;
    }

    @Override
    public void close() {
        pixels.close();
        labels.close();
        if (mean != null) {
            mean.close();
            std.close();
        }
    }

    /** One value, or one per channel shaped (1, C, 1, 1) so that it applies channel by channel. */
    private static NDArray perChannel(NDManager manager, float[] values) {
        return manager.create(values, new Shape(1, values.length, 1, 1));
    }
}
