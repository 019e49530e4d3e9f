package org.cnnlab.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A PyTorch state dict as {@code torch.save} writes it since PyTorch 1.6: a zip holding
 * {@code NAME/data.pkl} (the dict, pickled; see {@link StateDictPickle}) and one file {@code NAME/data/K}
 * per storage with its raw little-endian numbers. torchvision's published weights
 * ({@code vgg16-397923af.pth}, {@code alexnet-owt-7be5be79.pth}) are such files.
 */
final class PthFile {
    private PthFile() {}

    static Map<String, StoredTensor> read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = prefix(zip, file);
            ZipEntry order = zip.getEntry(prefix + "byteorder");
            if (order != null && !new String(bytes(zip, order), StandardCharsets.US_ASCII).strip().equals("little")) {
                throw new WeightFileException(file + " was saved on a big-endian machine; cnnlab reads little-endian "
                        + "files only. Save it again on a usual (x86 or ARM) machine.");
            }
            Map<String, Object> dict = StateDictPickle.read(bytes(zip, zip.getEntry(prefix + "data.pkl")), file.toString());
            Map<String, StoredTensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : dict.entrySet()) {
                if (e.getValue() instanceof StateDictPickle.Tensor t) {
                    out.put(e.getKey(), new StoredTensor(e.getKey(), t.storage().type(), t.size(),
                            x -> numbers(file, prefix + "data/" + t.storage().key(), t)));
                }
            }
            return out;
        }
    }

    /** The folder inside the zip: {@code archive/} for recent PyTorch, the file's own name for older ones. */
    private static String prefix(ZipFile zip, Path file) {
        return zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith("data.pkl")).findFirst()
                .map(n -> n.substring(0, n.length() - "data.pkl".length()))
                .orElseThrow(() -> new WeightFileException(file + " is a zip without a data.pkl: not a PyTorch state "
                        + "dict. Save one in Python with torch.save(model.state_dict(), path)."));
    }

    /** Reads the storage and takes the tensor's view of it (offset and strides), as float32. */
    private static float[] numbers(Path file, String entry, StateDictPickle.Tensor t) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                throw new WeightFileException(file + " names a storage " + entry + " that it does not contain: the "
                        + "file is damaged.");
            }
            ByteBuffer raw = ByteBuffer.wrap(bytes(zip, e)).order(ByteOrder.LITTLE_ENDIAN);
            return Strided.take(Elements.floats(raw, t.storage().type(), file), t.offset(), t.size(), t.stride());
        } catch (IOException ex) {
            throw new WeightFileException("Cannot read " + entry + " from " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
