package org.cnnlab.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CIFAR-10's binary version ({@code cifar-10-binary.tar.gz}, extracted): five training files
 * {@code data_batch_1.bin .. data_batch_5.bin}, one {@code test_batch.bin}, and {@code batches.meta.txt}
 * naming the classes one per line. Each file is a run of 3,073-byte records: one label byte, then the
 * 32x32 picture as 1,024 red, 1,024 green and 1,024 blue bytes, row by row. That is already the
 * channels-first {@code C x H x W} layout a CNN wants, so records are copied as they are.
 */
final class Cifar10Reader {
    static final int RECORD = 1 + 3 * 32 * 32;
    static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");
    static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";
    static final String GET_IT = "Download the binary version, https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
            + " (162 MB), and extract it: tar xzf cifar-10-binary.tar.gz";

    private Cifar10Reader() {}

    static DatasetPair read(Path given) {
        Path folder = Files.isDirectory(given.resolve("cifar-10-batches-bin")) ? given.resolve("cifar-10-batches-bin") : given;
        checkComplete(folder);
        List<String> classes = classNames(folder);
        List<Path> trainFiles = new ArrayList<>();
        TRAIN_FILES.forEach(name -> trainFiles.add(folder.resolve(name)));
        ImageDataset train = readRecords("CIFAR-10 train", trainFiles, classes);
        ImageDataset test = readRecords("CIFAR-10 test", List.of(folder.resolve(TEST_FILE)), classes);
        return new DatasetPair("CIFAR-10", train, test, folder.toString());
    }

    private static void checkComplete(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("CIFAR-10: " + folder + " is not a folder. " + GET_IT + " and pass the"
                    + " extracted cifar-10-batches-bin folder: Datasets.cifar10(Path.of(\"...\")).");
        }
        List<String> missing = new ArrayList<>();
        for (String name : concat(TRAIN_FILES, TEST_FILE)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            String hint = Files.exists(folder.resolve("data_batch_1")) ? " It holds data_batch_1 without .bin: that"
                    + " is the Python (pickle) version, which cnnlab does not read." : "";
            throw new DatasetException("CIFAR-10 is not complete in " + folder + ": it lacks " + String.join(", ", missing)
                    + ". Expected " + String.join(", ", concat(TRAIN_FILES, TEST_FILE)) + " and batches.meta.txt."
                    + hint + " " + GET_IT + " into " + folder + ".");
        }
    }

    /** The class names in {@code batches.meta.txt}, or the standard ten when it is absent. */
    static List<String> classNames(Path folder) {
        Path meta = folder.resolve("batches.meta.txt");
        if (!Files.isRegularFile(meta)) {
            return CLASSES;
        }
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            if (names.isEmpty() || names.size() > 256) {
                throw new DatasetException(meta + " should name the classes, one per line, but holds " + names.size()
                        + " names. Delete it to use the standard ten, or restore it from the archive.");
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException(meta + " could not be read: " + e + ".", e);
        }
    }

    private static ImageDataset readRecords(String name, List<Path> files, List<String> classes) {
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (Path file : files) {
            byte[] bytes = readChecked(file);
            contents.add(bytes);
            total += bytes.length / RECORD;
        }
        byte[] pixels = new byte[Math.toIntExact(total * SHAPE.size())];
        int[] labels = new int[(int) total];
        int n = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] bytes = contents.get(f);
            for (int at = 0; at < bytes.length; at += RECORD, n++) {
                labels[n] = bytes[at] & 0xff;
                if (labels[n] >= classes.size()) {
                    throw new DatasetException(files.get(f) + ": record " + at / RECORD + " has label " + labels[n]
                            + " but there are only classes 0.." + (classes.size() - 1) + " " + classes
                            + ". The file is corrupt or not a CIFAR-10 batch (CIFAR-100 has two label bytes).");
                }
                System.arraycopy(bytes, at + 1, pixels, n * SHAPE.size(), SHAPE.size());
            }
        }
        return ImageDataset.wrap(name, SHAPE, pixels, labels, classes);
    }

    private static byte[] readChecked(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(file + " could not be read: " + e + ".", e);
        }
        if (bytes.length == 0 || bytes.length % RECORD != 0) {
            throw new DatasetException(file + " holds " + bytes.length + " bytes, which is not a whole number of"
                    + " CIFAR-10 records of " + RECORD + " bytes (1 label + 3x32x32 pixels); a full batch holds"
                    + " 10,000 records (30,730,000 bytes). The file is truncated or not a CIFAR-10 binary batch. "
                    + GET_IT + ".");
        }
        return bytes;
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }
}
