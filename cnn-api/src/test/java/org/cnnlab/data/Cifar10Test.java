package org.cnnlab.data;

import static org.cnnlab.data.IdxReaderTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10's binary format, on small batch files this test writes (no CIFAR data is reachable here). */
class Cifar10Test {
    @TempDir
    Path dir;

    /**
     * Writes {@code records} records per file; record r of file f has label (f + r) % 10, red = r,
     * green = f, blue = 255.
     */
    private Path writeCifar(Path folder, int records, boolean meta) throws IOException {
        Files.createDirectories(folder);
        List<String> names = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");
        for (int f = 0; f < names.size(); f++) {
            byte[] bytes = new byte[records * 3073];
            for (int r = 0; r < records; r++) {
                int at = r * 3073;
                bytes[at] = (byte) ((f + r) % 10);
                Arrays.fill(bytes, at + 1, at + 1025, (byte) r);
                Arrays.fill(bytes, at + 1025, at + 2049, (byte) f);
                Arrays.fill(bytes, at + 2049, at + 3073, (byte) 255);
            }
            Files.write(folder.resolve(names.get(f)), bytes);
        }
        if (meta) {
            Files.writeString(folder.resolve("batches.meta.txt"), "plane\ncar\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
        }
        return folder;
    }

    @Test
    void readsTheSixBatchesAsRgbChannelsFirst() throws IOException {
        DatasetPair data = Datasets.cifar10(writeCifar(dir, 4, true));
        assertEquals(20, data.train().size());
        assertEquals(4, data.test().size());
        assertEquals(new ImageShape(3, 32, 32), data.shape());
        assertEquals("plane", data.classNames().get(0), "names come from batches.meta.txt");
        assertEquals(10, data.classNames().size(), "the blank line at the end is not a class");
        assertEquals((1 + 3) % 10, data.train().label(4 + 3), "file 2, record 3");
        int[] pixels = data.train().pixels(4 + 3);
        assertEquals(3, pixels[0]);
        assertEquals(1, pixels[1024]);
        assertEquals(255, pixels[3071]);
        BufferedImage picture = data.train().picture(4 + 3);
        assertEquals((3 << 16) | (1 << 8) | 255, picture.getRGB(31, 31) & 0xffffff);
        assertEquals(5, data.test().pixels(0)[1024], "the test batch is the sixth file");
    }

    @Test
    void findsTheExtractedSubFolderAndDefaultsTheClassNames() throws IOException {
        writeCifar(dir.resolve("cifar-10-batches-bin"), 1, false);
        DatasetPair data = Datasets.cifar10(dir);
        assertEquals("airplane", data.classNames().get(0));
        assertEquals("truck", data.classNames().get(9));
        assertTrue(data.source().endsWith("cifar-10-batches-bin"), data.source());
    }

    @Test
    void aMissingBatchIsNamed() throws IOException {
        writeCifar(dir, 1, true);
        Files.delete(dir.resolve("data_batch_3.bin"));
        String m = message(() -> Datasets.cifar10(dir));
        assertTrue(m.contains("CIFAR-10 is not complete in " + dir + ": it lacks data_batch_3.bin"), m);
        assertTrue(m.contains("cifar-10-binary.tar.gz"), m);
    }

    @Test
    void thePythonVersionIsRecognised() throws IOException {
        Files.createFile(dir.resolve("data_batch_1"));
        String m = message(() -> Datasets.cifar10(dir));
        assertTrue(m.contains("that is the Python (pickle) version"), m);
    }

    @Test
    void aTruncatedBatchSaysItIsNotWholeRecords() throws IOException {
        writeCifar(dir, 2, true);
        Path file = dir.resolve("data_batch_4.bin");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 3073 + 1000));
        String m = message(() -> Datasets.cifar10(dir));
        assertTrue(m.contains(file + " holds 4073 bytes, which is not a whole number of CIFAR-10 records of 3073"), m);
    }

    @Test
    void aLabelOutsideTheClassesIsAnError() throws IOException {
        writeCifar(dir, 2, true);
        Path file = dir.resolve("test_batch.bin");
        byte[] bytes = Files.readAllBytes(file);
        bytes[3073] = 42;
        Files.write(file, bytes);
        String m = message(() -> Datasets.cifar10(dir));
        assertTrue(m.contains(file + ": record 1 has label 42 but there are only classes 0..9"), m);
    }

    @Test
    void noFolderSaysWhereToGetIt() {
        String m = message(() -> Datasets.cifar10(dir.resolve("nowhere")));
        assertTrue(m.contains("is not a folder. Download the binary version"), m);
    }
}
