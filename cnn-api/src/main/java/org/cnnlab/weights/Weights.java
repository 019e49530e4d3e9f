package org.cnnlab.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cnnlab.Network;
import org.cnnlab.engine.HostCopies;

/**
 * Trained weights into and out of a built network, from the files people have. Nothing is downloaded.
 * <pre>{@code
 * var vgg = Architectures.vgg16().build();
 * Weights.load(vgg, Path.of(System.getProperty("user.home"), ".cnnlab/models/vgg16-397923af.pth"));
 * vgg.featureMaps(photo, "conv1_1", "conv3_2", "conv5_3");
 * }</pre>
 * Reads PyTorch state dicts ({@code torch.save(model.state_dict(), path)}, a zip; torchvision's published
 * {@code .pth} files are such) and {@code .safetensors}. Tensors are matched to the network's parameters by
 * name, cnnlab's ({@code conv1_1.weight}) or torchvision's ({@code features.0.weight}), and by shape; if
 * anything does not match, nothing is loaded and the error lists every difference.
 */
public final class Weights {
    private Weights() {}

    /**
     * Copies the weights in {@code file} into {@code net}.
     *
     * @throws WeightMismatchException listing what does not match by name and shape
     * @throws WeightFileException     when the file cannot be read or holds more than weights
     */
    public static WeightImport load(Network net, Path file) {
        Map<ParameterSlot, StoredTensor> pairs = Matching.match(ParameterSlot.of(net), read(file), file, net.toString());
        long numbers = 0;
        boolean torchvision = false;
        for (Map.Entry<ParameterSlot, StoredTensor> e : pairs.entrySet()) {
            HostCopies.overwrite(e.getKey().parameter().getArray(), e.getValue().floats());
            numbers += e.getValue().size();
            torchvision |= !e.getValue().name().equals(e.getKey().name());
        }
        return new WeightImport(file, pairs.size(), numbers, torchvision);
    }

    /** The tensors {@code file} holds, by name, with their shapes (numbers are read only when asked). */
    public static Map<String, StoredTensor> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WeightFileException("There is no file " + file.toAbsolutePath() + ".\nHow to fix it: put the "
                    + "weight file there, or pass the path where it is.");
        }
        try {
            return isZip(file) ? PthFile.read(file) : SafetensorsFile.read(file);
        } catch (NoSuchFileException e) {
            throw new WeightFileException("There is no file " + file.toAbsolutePath() + ".", e);
        } catch (IOException e) {
            throw new WeightFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code net}'s parameters as a {@code .safetensors} file with cnnlab's names
     * ({@code conv1_1.weight}): readable by {@link #load} and by Python's {@code safetensors} package.
     */
    public static void save(Network net, Path file) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> values = new LinkedHashMap<>();
        List<ParameterSlot> slots = ParameterSlot.of(net);
        for (ParameterSlot s : slots) {
            shapes.put(s.name(), s.shape());
            values.put(s.name(), s.parameter().getArray().toFloatArray());
        }
        try {
            SafetensorsFile.write(file, shapes, values);
        } catch (IOException e) {
            throw new WeightFileException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A PyTorch file is a zip (it starts with "PK"); a .safetensors file starts with its header's length. */
    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        }
    }
}
