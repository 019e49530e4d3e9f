package org.cnnlab.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Writes idx files, for test fixtures and for {@link SampleGenerator}. */
final class IdxFiles {
    private IdxFiles() {}

    static byte[] images(int count, int rows, int columns, byte[] pixels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(columns);
            out.write(pixels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] labels(byte[] labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code data} gzipped at the strongest level (what keeps the jar's sample small). */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A tiny Fashion-MNIST-like set in {@code folder}: {@code train} and {@code test} images of 28x28 whose
     * pixels all equal their label times 20, labels cycling 0..9. Gzipped or plain.
     */
    static void writeTiny(Path folder, int train, int test, boolean gzipped) throws IOException {
        Files.createDirectories(folder);
        write(folder, "train", train, gzipped);
        write(folder, "t10k", test, gzipped);
    }

    private static void write(Path folder, String prefix, int n, boolean gzipped) throws IOException {
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            java.util.Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) (labels[i] * 20));
        }
        String suffix = gzipped ? ".gz" : "";
        byte[] img = images(n, 28, 28, pixels);
        byte[] lab = labels(labels);
        Files.write(folder.resolve(prefix + "-images-idx3-ubyte" + suffix), gzipped ? gzip(img) : img);
        Files.write(folder.resolve(prefix + "-labels-idx1-ubyte" + suffix), gzipped ? gzip(lab) : lab);
    }
}
