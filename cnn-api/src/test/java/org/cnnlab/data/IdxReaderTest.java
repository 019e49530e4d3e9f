package org.cnnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an idx file can be wrong gives a message naming the file and the fault; nothing is returned. */
class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        IdxFiles.writeTiny(dir.resolve("gz"), 20, 10, true);
        IdxFiles.writeTiny(dir.resolve("plain"), 20, 10, false);
        DatasetPair gz = Datasets.fashionMnist(dir.resolve("gz"));
        DatasetPair plain = Datasets.fashionMnist(dir.resolve("plain"));
        assertEquals(20, gz.train().size());
        assertEquals(10, plain.test().size());
        assertEquals(3, gz.train().label(13));
        assertEquals(60, plain.train().pixels(13)[400], "pixels equal label x 20 in the fixture");
    }

    @Test
    void acceptsTheDottedNamesSomeMirrorsUse() throws IOException {
        IdxFiles.writeTiny(dir, 10, 10, false);
        for (String prefix : new String[] {"train-images", "train-labels", "t10k-images", "t10k-labels"}) {
            String idx = prefix.endsWith("images") ? "idx3" : "idx1";
            Files.move(dir.resolve(prefix + "-" + idx + "-ubyte"), dir.resolve(prefix + "." + idx + "-ubyte"));
        }
        assertEquals(10, Datasets.mnist(dir).train().size());
    }

    @Test
    void badMagicNumberSaysWhatWasExpected() throws IOException {
        Path file = dir.resolve("images");
        Files.write(file, new byte[] {0, 0, 0x0c, 0x03, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 7});
        String m = message(() -> IdxReader.readImages(file));
        assertTrue(m.contains(file + ": bad magic number: expected 2051 (idx images), got 3075"), m);
    }

    @Test
    void swappedImagesAndLabelsAreRecognised() throws IOException {
        Path file = dir.resolve("images");
        Files.write(file, IdxFiles.labels(new byte[] {1, 2}));
        String m = message(() -> IdxReader.readImages(file));
        assertTrue(m.contains("expected 2051 (idx images), got 2049"), m);
        assertTrue(m.contains("swapped"), m);
    }

    @Test
    void truncatedFileSaysHowMuchIsMissing() throws IOException {
        byte[] whole = IdxFiles.images(3, 28, 28, new byte[3 * 784]);
        Path file = dir.resolve("train-images-idx3-ubyte");
        Files.write(file, Arrays.copyOf(whole, whole.length - 100));
        String m = message(() -> IdxReader.readImages(file));
        assertTrue(m.contains("says it holds 3 images of 28x28 (2,352 bytes after the header) but holds only 2,252"), m);
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void truncatedGzipIsReportedAsTruncated() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 28, 28, randomBytes(50 * 784)));
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(file, Arrays.copyOf(gz, gz.length / 2));
        String m = message(() -> IdxReader.readImages(file));
        assertTrue(m.startsWith(file.toString()), m);
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void aWebPageSavedUnderADatasetNameIsCalledOut() throws IOException {
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        Files.writeString(file, "<!DOCTYPE html><html><body>Not Found</body></html>", StandardCharsets.US_ASCII);
        String m = message(() -> IdxReader.readImages(file));
        assertTrue(m.contains("is neither gzip (which starts with bytes 1f 8b) nor a plain idx file"), m);
        assertTrue(m.contains("a web page, not data"), m);
    }

    @Test
    void corruptGzipIsNotGzip() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.labels(new byte[100]));
        gz[2] = 7; // compression method: gzip knows only 8 (deflate)
        Path file = dir.resolve("labels.gz");
        Files.write(file, gz);
        String m = message(() -> IdxReader.readLabels(file));
        assertTrue(m.contains(file + " is not a valid gzip file"), m);
    }

    @Test
    void emptyFileAndMissingFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));
        assertTrue(message(() -> IdxReader.readLabels(empty)).contains("is empty (0 bytes)"));
        Path absent = dir.resolve("absent");
        assertTrue(message(() -> IdxReader.readLabels(absent)).contains(absent + " does not exist"));
    }

    @Test
    void extraBytesAfterTheAnnouncedDataAreAnError() throws IOException {
        byte[] labels = IdxFiles.labels(new byte[] {1, 2, 3});
        Path file = dir.resolve("labels");
        Files.write(file, Arrays.copyOf(labels, labels.length + 5));
        String m = message(() -> IdxReader.readLabels(file));
        assertTrue(m.contains("says it holds 3 labels (3 bytes after the header) but goes on after them"), m);
    }

    @Test
    void labelCountMustMatchImageCount() throws IOException {
        IdxFiles.writeTiny(dir, 10, 10, true);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(new byte[9])));
        String m = message(() -> Datasets.fashionMnist(dir));
        assertTrue(m.contains("The label count differs from the image count: "), m);
        assertTrue(m.contains("holds 10 images but " + dir.resolve("t10k-labels-idx1-ubyte.gz") + " holds 9 labels"), m);
        assertTrue(m.contains("Fashion-MNIST from " + dir), m);
    }

    @Test
    void labelsOutsideTheClassesAreAnError() throws IOException {
        IdxFiles.writeTiny(dir, 10, 10, false);
        byte[] labels = new byte[10];
        labels[4] = 12;
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.labels(labels));
        String m = message(() -> Datasets.mnist(dir));
        assertTrue(m.contains("label 4 is 12 but MNIST has only classes 0..9"), m);
    }

    static String message(Runnable action) {
        return assertThrows(DatasetException.class, action::run).getMessage();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(1).nextBytes(b);
        return b;
    }
}
