package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.engine.DjlNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** net.save / Network.load: identical outputs after a round trip, atomic overwrite, clear errors. */
class ModelFileTest {
    @TempDir
    Path dir;

    private static float[] outputs(Network net) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList batch = FitTest.DATA.test().batch(m, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
            return net.forward(batch.get(0)).toFloatArray();
        }
    }

    @Test
    void aReloadedNetworkIsIdentical() {
        Path file = dir.resolve("lenet.cnnlab");
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train().take(256)).progress(false).run();
            net.save(file);
            try (Network loaded = Network.load(file)) {
                assertEquals(net.spec(), loaded.spec());
                assertArrayEquals(outputs(net), outputs(loaded));
            }
        }
    }

    @Test
    void aFailedSaveLeavesTheOldFileIntactAndNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.cnnlab");
        try (Network good = FitTest.leNet();
             Trainable other = Trainable.fresh(DjlNetwork.build(Architectures.leNet5(1, 28, 10).spec(),
                     ai.djl.Device.cpu()))) {
            good.save(file);
            byte[] before = Files.readAllBytes(file);
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> ModelFile.save(other, file, out -> failingAfter(out, 5000)));
            assertTrue(e.getMessage().contains("unchanged"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of("model.cnnlab"), files.map(p -> p.getFileName().toString())
                        .collect(Collectors.toList()));
            }
            try (Network loaded = Network.load(file)) {
                assertArrayEquals(outputs(good), outputs(loaded));
            }
        }
    }

    @Test
    void damagedTruncatedForeignAndMissingFilesAreExplained() throws IOException {
        Path file = dir.resolve("model.cnnlab");
        try (Network net = FitTest.leNet()) {
            net.save(file);
        }
        byte[] bytes = Files.readAllBytes(file);

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x5a;
        Path damaged = Files.write(dir.resolve("damaged.cnnlab"), flipped);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Network.load(damaged));
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());

        Path truncated = Files.write(dir.resolve("truncated.cnnlab"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        e = assertThrows(IllegalStateException.class, () -> Network.load(truncated));
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());

        Path foreign = Files.writeString(dir.resolve("notes.txt"), "hello");
        e = assertThrows(IllegalStateException.class, () -> Network.load(foreign));
        assertTrue(e.getMessage().contains("is not a cnnlab model file"), e.getMessage());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Network.load(dir.resolve("nothing-here.cnnlab")));
        assertTrue(missing.getMessage().startsWith("No saved network at "), missing.getMessage());
    }

    private static OutputStream failingAfter(OutputStream out, int limit) {
        return new FilterOutputStream(out) {
            private int written;

            @Override
            public void write(int b) throws IOException {
                check(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                check(len);
                out.write(b, off, len);
            }

            private void check(int n) throws IOException {
                written += n;
                if (written > limit) {
                    throw new IOException("simulated disk failure");
                }
            }
        };
    }
}
