package org.cnnlab.memory;

import java.util.List;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;

/**
 * How much memory a network needs, from its description alone: pure arithmetic, no engine. Every number is
 * a 32-bit float (4 bytes).
 * <ul>
 *   <li><b>parameters</b>: the learned numbers, allocated once when the network is built or loaded;</li>
 *   <li><b>activations</b>: every layer's output for every image of a batch. DJL keeps each layer's output
 *       until the batch is done, so a batch holds them all at once: {@code batch x (input + sum of
 *       outputs)};</li>
 *   <li><b>training</b> adds a gradient per parameter, the optimizer's state (Adam keeps 2 numbers per
 *       parameter, SGD with momentum 1, plain SGD none), and a gradient per activation for the backward
 *       pass, which doubles the activations.</li>
 * </ul>
 * Real use is a little higher (the engine's own buffers, temporary arrays inside a layer); the estimate is
 * the part the description decides, which is the part that grows without bound.
 */
public final class MemoryEstimate {
    /** Bytes per number: every array here is 32-bit float. */
    public static final long BYTES_PER_NUMBER = 4;

    private final ModelSpec spec;

    private MemoryEstimate(ModelSpec spec) {
        this.spec = spec;
    }

    public static MemoryEstimate of(ModelSpec spec) {
        return new MemoryEstimate(spec);
    }

    /** The learned parameters' bytes. */
    public long parameterBytes() {
        return spec.parameterCount() * BYTES_PER_NUMBER;
    }

    /** Activation bytes for one image through all layers: the input plus every layer's output. */
    public long activationBytesPerImage() {
        return activationBytesPerImage(spec.infos().size());
    }

    /** Activation bytes for one image through the first {@code layers} layers (the input included). */
    public long activationBytesPerImage(int layers) {
        long numbers = spec.input().size();
        List<LayerInfo> infos = spec.infos();
        for (int i = 0; i < layers && i < infos.size(); i++) {
            numbers += infos.get(i).output().size();
        }
        return numbers * BYTES_PER_NUMBER;
    }

    /** What running {@code batch} images through the first {@code layers} layers allocates (inference). */
    public long inferenceBytes(long batch, int layers) {
        return batch * activationBytesPerImage(layers);
    }

    /**
     * What one training batch allocates besides the parameters already there: their gradients and the
     * optimizer's {@code optimizerSlots} numbers per parameter, and the activations with their gradients.
     */
    public long trainingBytes(long batch, int optimizerSlots) {
        return parameterBytes() * (1 + optimizerSlots) + 2 * batch * activationBytesPerImage();
    }

    /** The layer with the largest output among the first {@code layers}: the one to shrink when activations are too big. */
    public LayerInfo largestOutput(int layers) {
        LayerInfo best = null;
        List<LayerInfo> infos = spec.infos();
        for (int i = 0; i < layers && i < infos.size(); i++) {
            if (best == null || infos.get(i).output().size() > best.output().size()) {
                best = infos.get(i);
            }
        }
        return best;
    }

    /** The layer with the most parameters: the one to shrink when the parameters are too big. */
    public LayerInfo mostParameters() {
        LayerInfo best = null;
        for (LayerInfo info : spec.infos()) {
            if (best == null || info.parameters() > best.parameters()) {
                best = info;
            }
        }
        return best;
    }

    /** Bytes in decimal units a person reads at a glance: {@code 812 B}, {@code 3.1 MB}, {@code 19.7 GB}, {@code 60.2 TB}. */
    public static String format(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format("%.1f %s", v, units[u]);
    }
}
