package org.cnnlab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.cnnlab.data.ImageDataset;

/**
 * Where training and evaluation get their batches: {@code data (B, C, H, W)} float32, normalised, and
 * {@code labels (B)}, on the network's device. Two ways, chosen by {@link #of}:
 * <ul>
 *   <li>{@link ResidentImages}: the whole dataset uploaded once, as bytes; each batch is gathered,
 *       converted and normalised on the device. Nothing crosses from Java per batch but the indices.</li>
 *   <li>{@link StagedImages}: for datasets too large to keep there, each batch is built in Java while the
 *       previous one trains (double buffering), so the device does not wait for Java.</li>
 * </ul>
 */
interface BatchFeed extends AutoCloseable {
    /** Keep a dataset on the device only while it takes at most this share of the memory free there. */
    double RESIDENT_SHARE = 0.25;

    /** The batch of images {@code indices}, in arrays belonging to {@code manager}. */
    NDList batch(NDManager manager, int[] indices);

    /** The batches that will be asked for next, in order (a staged feed builds each ahead of its turn). */
    default void plan(List<int[]> order) {}

    @Override
    void close();

    /** A feed for {@code data} whose arrays live in {@code manager}, on its device. */
    static BatchFeed of(ImageDataset data, NDManager manager) {
        return fitsOnDevice(data, manager.getDevice()) ? ResidentImages.upload(data, manager)
                : new StagedImages(data, manager);
    }

    /** The memory estimate: the dataset's bytes (pixels and labels) against a share of the device's free memory. */
    static boolean fitsOnDevice(ImageDataset data, Device device) {
        long bytes = (long) data.size() * (data.shape().size() + Float.BYTES);
        return bytes <= RESIDENT_SHARE * freeBytes(device);
    }

    /** Free memory on {@code device}: the GPU's own, or the machine's physical memory for the CPU. */
    static long freeBytes(Device device) {
        if (Device.Type.GPU.equals(device.getDeviceType())) {
            java.lang.management.MemoryUsage gpu = ai.djl.util.cuda.CudaUtils.getGpuMemory(device);
            return gpu.getMax() - gpu.getUsed();
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
