package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cnnlab.ChildJvm;
import org.cnnlab.Cnn;
import org.cnnlab.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving and loading as notebooks 5 and 7 teach it: a reloaded network trains and continues its history;
 * files keep the permissions a user expects; a save killed with SIGKILL leaves a temporary file that the
 * next save to the folder removes; an interrupt is reported truthfully, before or after the file is in
 * place; a tiny file whose text describes a huge layer is refused before any memory is asked for.
 */
class SaveAndLoadTest {
    @TempDir
    Path dir;

    @Test
    void aReloadedNetworkTrainsAndContinuesWhereItStopped() {
        Path file = dir.resolve("lenet.cnnlab");
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train()).epochs(2).progress(false).run();
            SavedModel saved = net.save(file);
            assertEquals(2, saved.epochs());
            try (Network loaded = Network.load(file)) {
                History h = loaded.history();
                assertEquals(net.history().epochs(), h.epochs(), "the history is saved with the weights");
                assertArrayEquals(net.history().batchLosses(), h.batchLosses());
                float[] before = parameters(loaded.djl());
                History more = loaded.fit(FitTest.DATA.train()).epochs(2).progress(false).run();
                assertEquals("completed 2 epochs (epochs 3 to 4)", more.status());
                assertEquals(4, more.epochCount());
                assertEquals(128, more.batchCount());
                assertFalse(java.util.Arrays.equals(before, parameters(loaded.djl())), "the weights moved");
                assertTrue(more.last().loss() < more.epochs().get(0).loss(), "it learns on after the reload: "
                        + more.table().printAll());
                loaded.save(file);
            }
            try (Network again = Network.load(file)) {
                assertEquals(4, again.history().epochCount());
            }
        }
    }

    @Test
    void aReloadedNetworkTrainsOnExactlyAsIfItHadNeverStopped() {
        // Two identical networks (same seed): one trains two epochs straight; the other trains one, is saved,
        // loaded and trains one more with the same optimizer and shuffling. Adam's averages and step count travel
        // in the file, so the weights end equal; restarted from zero they end measurably apart.
        float[] straight;
        Seeds.set(11);
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train()).epochs(2).seed(5).progress(false).run();
            straight = allParameters(net.djl());
        }
        Path file = dir.resolve("resumed.cnnlab");
        Seeds.set(11);
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train()).epochs(1).seed(5).progress(false).run();
            net.save(file);
        }
        try (Network loaded = Network.load(file)) {
            loaded.fit(FitTest.DATA.train()).epochs(1).seed(5).progress(false).run();
            assertArrayEquals(straight, allParameters(loaded.djl()), 1e-6f, "Adam continued its averages");
        }
        try (Network loaded = Network.load(file)) {
            // Another optimizer starts afresh (and does not trip over the remembered one).
            loaded.fit(FitTest.DATA.train()).epochs(1).seed(5).optimizer(Optimizers.sgd(0.01)).progress(false).run();
            assertFalse(java.util.Arrays.equals(straight, allParameters(loaded.djl())));
        }
    }

    @Test
    void sgdWithMomentumContinuesItsVelocityAfterAReload() {
        OptimizerChoice momentum = Optimizers.sgd(0.05, 0.9);
        float[] straight;
        Seeds.set(12);
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train()).epochs(2).seed(6).optimizer(momentum).progress(false).run();
            straight = allParameters(net.djl());
        }
        Path file = dir.resolve("momentum.cnnlab");
        Seeds.set(12);
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train()).epochs(1).seed(6).optimizer(momentum).progress(false).run();
            net.save(file);
        }
        try (Network loaded = Network.load(file)) {
            loaded.fit(FitTest.DATA.train()).epochs(1).seed(6).optimizer(momentum).progress(false).run();
            assertArrayEquals(straight, allParameters(loaded.djl()), 1e-6f, "SGD continued its velocity");
        }
    }

    @Test
    void anOptimizerMemoryWithoutRoomIsLeftOutAndTheModelStillLoads() {
        Path file = dir.resolve("roomy.cnnlab");
        float[] saved;
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train()).epochs(1).progress(false).run();
            net.save(file);
            saved = allParameters(net.djl());
        }
        try (Trainable loaded = ModelFile.load(file, ai.djl.Device.cpu())) {
            assertEquals(2, loaded.optimizerMemory().slots().length, "Adam's two averages travel with the model");
        }
        // Room for LeNet-5's 61,706 parameters (247 KB) but not for Adam's two averages beside them (740 KB).
        System.setProperty("cnnlab.memory.limit", "500k");
        try (Trainable loaded = ModelFile.load(file, ai.djl.Device.cpu())) {
            assertEquals(null, loaded.optimizerMemory());
            assertArrayEquals(saved, allParameters(loaded.djl()), "the weights load all the same");
        } finally {
            System.clearProperty("cnnlab.memory.limit");
        }
    }

    @Test
    void aDamagedOptimizerCountIsRefusedBeforeAnyAllocation() throws IOException {
        Path file = dir.resolve("adam.cnnlab");
        long weights;
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train()).epochs(1).progress(false).run();
            net.save(file);
            weights = allParameters(net.djl()).length;
        }
        // The file ends: ... | long n | Adam's two slots of n floats | long CRC-32. Claim a billion numbers per slot.
        byte[] bytes = Files.readAllBytes(file);
        int at = bytes.length - 8 - (int) (2 * weights * 4) - 8;
        java.nio.ByteBuffer.wrap(bytes, at, 8).putLong(1_000_000_000L);
        Files.write(file, bytes);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains("1000000000 numbers per slot"),
                e.getMessage());
    }

    @Test
    void aVersion2FileWithoutOptimizerMemoryStillLoadsAndTrains() throws IOException {
        Path file = dir.resolve("old.cnnlab");
        try (Network net = FitTest.leNet()) {
            net.fit(FitTest.DATA.train()).epochs(1).progress(false).run();
            net.save(file);
        }
        // Rewrite it as version 2 wrote it: the same bytes without the optimizer part, under the old first line.
        byte[] v3 = Files.readAllBytes(file);
        try (Network fresh = Network.load(file)) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.write(ModelFile.MAGIC_V2.getBytes(StandardCharsets.US_ASCII));
            writeText(out, fresh.djl().spec().toText());
            writeText(out, HistoryText.write(fresh.history()));
            fresh.djl().block().saveParameters(out);
            out.flush();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(body.toByteArray());
            out.writeLong(crc.getValue());
            Files.write(file, body.toByteArray());
        }
        assertTrue(Files.size(file) < v3.length, "the version 3 file carried Adam's averages");
        try (Network old = Network.load(file)) {
            assertEquals(1, old.history().epochCount());
            History more = old.fit(FitTest.DATA.train()).epochs(1).progress(false).run();
            assertEquals(2, more.epochCount());
        }
    }

    @Test
    void aNewFileGetsTheUsualPermissionsAndAReplacedFileKeepsItsOwn() throws IOException {
        Path reference = Files.createFile(dir.resolve("any-new-file"));
        try (Network net = FitTest.leNet()) {
            SavedModel fresh = net.save(dir.resolve("new.cnnlab"));
            assertEquals(Files.getPosixFilePermissions(reference),
                    Files.getPosixFilePermissions(dir.resolve("new.cnnlab")), "what the umask gives any new file");
            assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)), fresh.permissions());
            for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw-rw-r--"}) {
                Path file = Files.writeString(dir.resolve("shared-" + mode + ".cnnlab"), "old");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
                SavedModel saved = net.save(file);
                assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                assertEquals(mode, saved.permissions());
                assertEquals(Files.size(file), saved.bytes());
            }
        }
    }

    @Test
    void aSaveKilledWithSigkillLeavesATemporaryFileThatTheNextSaveRemoves() throws Exception {
        Path target = dir.resolve("model.cnnlab");
        Process child = ChildJvm.of(SaveHangs.class, target.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("writing"));
            assertEquals("writing", line, "the child reached the middle of its save");
            child.destroyForcibly();
            assertEquals(137, child.waitFor(), "killed by SIGKILL");
        }
        List<String> left = hiddenTemporaries();
        assertEquals(1, left.size(), left.toString());
        long leftBytes = Files.size(dir.resolve(left.get(0)));
        assertTrue(leftBytes > 100_000);
        assertFalse(Files.exists(target), "the killed save never put a half file in place");
        Path alive = Files.writeString(dir.resolve(".other.cnnlab." + ProcessHandle.current().pid() + ".ab12.tmp"), "");
        try (Network net = FitTest.leNet()) {
            SavedModel saved = net.save(dir.resolve("other.cnnlab"));
            assertEquals(1, saved.leftovers());
            assertEquals(leftBytes, saved.leftoverBytes());
            assertTrue(saved.toString().contains("Removed 1 temporary file"), saved.toString());
        }
        assertEquals(List.of(alive.getFileName().toString()), hiddenTemporaries(),
                "a temporary file of a process still running is not touched");
    }

    @Test
    void anInterruptBeforeTheFileIsInPlaceWritesNothingAndSaysSo() throws IOException {
        Path file = dir.resolve("model.cnnlab");
        try (Network net = FitTest.leNet(); Trainable other = trainable()) {
            net.save(file);
            byte[] before = Files.readAllBytes(file);
            try {
                UncheckedIOException e = assertThrows(UncheckedIOException.class,
                        () -> ModelFile.save(other, file, SaveAndLoadTest::interruptMidWrite));
                assertTrue(e.getMessage().contains("was stopped by an interrupt before the new file was complete: "
                        + "nothing was written, the file that was there is as it was"), e.getMessage());
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is left for the caller to see");
            } finally {
                Thread.interrupted();
            }
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of(), hiddenTemporaries());
        }
    }

    @Test
    void anInterruptAfterTheFileIsInPlaceReportsTheSaveThatHappened() throws IOException {
        Path file = dir.resolve("model.cnnlab");
        try (Network net = FitTest.leNet(); Trainable other = trainable()) {
            net.save(file);
            SavedModel saved = ModelFile.save(other, file, out -> out, () -> Thread.currentThread().interrupt());
            assertTrue(saved.lateInterrupt());
            assertFalse(Thread.currentThread().isInterrupted(), "answered: the kernel must not report the cell as "
                    + "interrupted when its save is complete");
            assertTrue(saved.toString().contains("the save is complete"), saved.toString());
            try (Network loaded = Network.load(file)) {
                assertArrayEquals(parameters(other), parameters(loaded.djl()), "the new weights are on disk");
            }
        }
    }

    @Test
    void aTinyFileDescribingAHugeLayerIsRefusedBeforeAnyAllocation() throws IOException {
        byte[] text = Cnn.input(3, 224, 224).flatten().dense(1_000_000).spec().toText().getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("tiny.cnnlab");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(ModelFile.MAGIC_V1.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(text.length);
            out.write(text);
            out.write(new byte[80 - 15 - 4 - text.length]);
        }
        assertEquals(80, Files.size(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains("is damaged: its architecture describes 150,529,000,000 parameters "
                + "(602.1 GB), but the file holds only 80 bytes"), e.getMessage());
    }

    private static Trainable trainable() {
        return Trainable.fresh(org.cnnlab.engine.DjlNetwork.build(FitTest.leNet().spec(), ai.djl.Device.cpu()));
    }

    private static float[] parameters(Trainable t) {
        return parameters(t.djl());
    }

    /** Every trainable number of the network, in parameter order. */
    private static float[] allParameters(org.cnnlab.engine.DjlNetwork net) {
        java.util.List<float[]> parts = new java.util.ArrayList<>();
        int n = 0;
        for (var p : net.block().getParameters()) {
            float[] values = p.getValue().getArray().toFloatArray();
            parts.add(values);
            n += values.length;
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static float[] parameters(org.cnnlab.engine.DjlNetwork net) {
        return net.block().getChildren().get(0).getValue().getParameters().get("weight").getArray().toFloatArray();
    }

    private static OutputStream interruptMidWrite(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Thread.currentThread().interrupt();
                out.write(b, off, len);
            }
        };
    }

    private List<String> hiddenTemporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && n.endsWith(".tmp"))
                    .sorted().collect(Collectors.toList());
        }
    }
}
