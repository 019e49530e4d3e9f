package org.cnnlab.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.cnnlab.engine.DjlNetwork;
import org.cnnlab.memory.MemoryCheck;
import org.cnnlab.memory.MemoryEstimate;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.model.ModelText;

/**
 * A trained network in one file: what {@code net.save(path)} writes and {@code Network.load(path)} reads.
 * The file holds the architecture as text (see {@link ModelText}, readable with any pager), the training
 * history as text, then the parameters in DJL's format, then what the optimizer remembers
 * ({@link OptimizerMemory}), then a CRC-32 checksum of all of it:
 * <pre>
 * CNNLAB-MODEL 3\n | int n | n bytes of architecture | int h | h bytes of history | DJL parameters
 *                  | optimizer memory | long CRC-32
 * </pre>
 * (Version 1 files, without the history, and version 2 files, without the optimizer, still load.) A reloaded
 * network trains on from where its history ends, and a {@code fit} with the same optimizer continues its
 * moving averages and step count: the same weights as if training had never stopped.
 *
 * <p><b>Safe to overwrite.</b> Saving writes a hidden temporary file in the same folder ({@link SaveTarget}),
 * forces it to disk, then renames it over the target in one atomic step: a crash or error mid-save leaves
 * the old file as it was, never half a file. Loading checks the header, that the file is large enough for
 * the parameters its architecture describes, and the checksum, so a damaged file is reported as damaged
 * rather than loading wrong weights (or asking for memory a few altered bytes of text decided).
 */
public final class ModelFile {
    static final String MAGIC = "CNNLAB-MODEL 3\n";
    static final String MAGIC_V2 = "CNNLAB-MODEL 2\n";
    static final String MAGIC_V1 = "CNNLAB-MODEL 1\n";

    private ModelFile() {}

    /** Saves the network and its history to {@code file}, atomically; says what is now on disk. */
    public static SavedModel save(Trainable net, Path file) {
        return save(net, file, UnaryOperator.identity());
    }

    /** {@link #save(Trainable, Path)} with the byte stream wrapped (tests use it to fail or pause mid-write). */
    static SavedModel save(Trainable net, Path file, UnaryOperator<OutputStream> wrap) {
        return save(net, file, wrap, () -> { });
    }

    /** ... and {@code afterReplace} run the moment the new file is in place (tests interrupt there). */
    static SavedModel save(Trainable net, Path file, UnaryOperator<OutputStream> wrap, Runnable afterReplace) {
        SaveTarget target = SaveTarget.of(file);
        Path temp = null;
        try {
            SaveTarget.Cleanup cleaned = target.removeLeftovers();
            temp = target.newTemporary();
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                write(net, wrap.apply(Channels.newOutputStream(channel)));
                channel.force(true);
            }
            target.keepPermissions(temp);
            target.replaceWith(temp);
            temp = null;
            afterReplace.run();
            // The new file is in place: an interrupt that arrives now came too late to stop anything, so it
            // is answered, not left to make the cell look as if nothing was saved.
            boolean lateInterrupt = Thread.interrupted();
            return SavedModel.of(target.path(), net.history().epochCount(), cleaned, lateInterrupt);
        } catch (ClosedByInterruptException e) {
            throw new UncheckedIOException("Saving to " + target.path() + " was stopped by an interrupt before the new "
                    + "file was complete: nothing was written, " + target.before() + ". Save again to write it.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the network to " + target.path() + ": " + e.getMessage()
                    + ". Nothing was written: " + target.before() + " (unchanged). Check that the folder is writable "
                    + "and the disk not full.", e);
        } finally {
            SaveTarget.deleteQuietly(temp);
        }
    }

    private static void write(Trainable net, OutputStream raw) throws IOException {
        OutputStream buffered = new BufferedOutputStream(raw, 1 << 16);
        CheckedOutputStream checked = new CheckedOutputStream(buffered, new CRC32());
        DataOutputStream out = new DataOutputStream(checked);
        out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        writeText(out, net.djl().spec().toText());
        writeText(out, HistoryText.write(net.history()));
        net.djl().block().saveParameters(out);
        OptimizerMemory.write(out, net.optimizerMemory());
        out.flush();
        new DataOutputStream(buffered).writeLong(checked.getChecksum().getValue());
        buffered.flush();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads a network saved by {@link #save}, built on {@code device}, with the history it was saved with. */
    public static Trainable load(Path file, Device device) {
        Path source = file.toAbsolutePath();
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("No saved network at " + source + ".\nHow to fix it: check the path, or "
                    + "save one first with net.save(Path.of(\"" + file + "\")).");
        }
        try (BufferedInputStream buffered = new BufferedInputStream(new FileInputStream(source.toFile()), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(buffered, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            int version = readMagic(in, source);
            String specText = readText(in, source, "architecture");
            ModelSpec spec = parse(specText, source);
            String historyText = version >= 2 ? readText(in, source, "history") : "";
            History history = parseHistory(historyText, source);
            checkSize(spec, source, MAGIC.length() + 4 + utf8(specText) + (version >= 2 ? 4 + utf8(historyText) : 0));
            MemoryCheck.parameters(spec, device, "loading " + source.getFileName());
            DjlNetwork net = DjlNetwork.build(spec, device);
            OptimizerMemory remembered = null;
            try {
                net.block().loadParameters(net.manager(), in);
                if (version >= 3) {
                    // The file's whole length bounds what its optimizer part may claim, before anything is allocated.
                    remembered = OptimizerMemory.read(in, net.manager(), spec.parameterCount(), Files.size(source),
                            slots -> MemoryCheck.optimizerFits(spec, slots, device));
                }
                long expected = checked.getChecksum().getValue();
                long stored = new DataInputStream(buffered).readLong();
                if (stored != expected || buffered.read() != -1) {
                    throw damaged(source, "its checksum does not match its contents", null);
                }
                net.makeTrainable();
                return new Trainable(net, history, remembered);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                if (remembered != null) {
                    remembered.close();
                }
                net.close();
                throw e instanceof IllegalStateException ? (IllegalStateException) e : damaged(source, describe(e), e);
            }
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("Cannot open " + source + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw damaged(source, describe(e), e);
        }
    }

    /** The file's format version (1 to 3), from its first line. */
    private static int readMagic(DataInputStream in, Path source) throws IOException {
        byte[] magic = new byte[MAGIC.length()];
        int got = in.readNBytes(magic, 0, magic.length);
        String head = new String(magic, StandardCharsets.US_ASCII);
        if (got == magic.length && (MAGIC.equals(head) || MAGIC_V2.equals(head) || MAGIC_V1.equals(head))) {
            return MAGIC.equals(head) ? 3 : MAGIC_V2.equals(head) ? 2 : 1;
        }
        throw new IllegalStateException(source + " is not a cnnlab model file: it should start with '"
                + MAGIC.strip() + "'. Load only files written by net.save(path).");
    }

    private static String readText(DataInputStream in, Path source, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64 << 20 || n > Files.size(source)) {
            throw damaged(source, "its " + what + " length " + n + " is impossible for a file of "
                    + Files.size(source) + " bytes", null);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static ModelSpec parse(String text, Path source) {
        try {
            return ModelText.parse(text);
        } catch (RuntimeException e) {
            throw damaged(source, "its architecture text cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static History parseHistory(String text, Path source) {
        try {
            return HistoryText.read(text);
        } catch (RuntimeException e) {
            throw damaged(source, "its training history cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The parameters take at least 4 bytes each: a file too short for what its architecture describes is
     * damaged, and is reported before any memory is asked for.
     */
    private static void checkSize(ModelSpec spec, Path source, long headerBytes) throws IOException {
        long size = Files.size(source);
        long needed = MemoryEstimate.of(spec).parameterBytes();
        if (size - headerBytes - 8 < needed) {
            throw damaged(source, "its architecture describes " + String.format("%,d", spec.parameterCount())
                    + " parameters (" + MemoryEstimate.format(needed) + "), but the file holds only "
                    + String.format("%,d", size) + " bytes in all: it is truncated, or its architecture text was "
                    + "changed", null);
        }
    }

    private static String describe(Exception e) {
        return e instanceof EOFException ? "it ends too early (truncated)" : String.valueOf(e.getMessage());
    }

    private static IllegalStateException damaged(Path source, String why, Exception cause) {
        return new IllegalStateException("The saved network " + source + " is damaged: " + why + ". Save it again "
                + "from the trained network, or use another copy.", cause);
    }
}
