package org.cnnlab.train;

import ai.djl.MalformedModelException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.cnnlab.Cnn;
import org.cnnlab.Device;
import org.cnnlab.Network;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.model.ModelText;

/**
 * A trained network in one file: what {@code net.save(path)} writes and {@code Network.load(path)} reads.
 * The file holds the architecture as text (see {@link ModelText}, readable with any pager), then the
 * parameters in DJL's format, then a CRC-32 checksum of both:
 * <pre>
 * CNNLAB-MODEL 1\n | int n | n bytes of architecture text (UTF-8) | DJL parameters | long CRC-32
 * </pre>
 * <b>Safe to overwrite.</b> Saving writes a temporary file in the same folder, forces it to disk, then
 * renames it over the target in one atomic step: a crash or error mid-save leaves the old file as it was,
 * never half a file. Loading checks the header and the checksum, so a damaged file is reported as damaged
 * rather than loading wrong weights.
 */
public final class ModelFile {
    static final String MAGIC = "CNNLAB-MODEL 1\n";

    private ModelFile() {}

    /** Saves {@code net}'s architecture and parameters to {@code file}, atomically. */
    public static void save(Network net, Path file) {
        save(net, file, UnaryOperator.identity());
    }

    /** {@link #save(Network, Path)} with the byte stream wrapped (tests use it to fail mid-write). */
    static void save(Network net, Path file, UnaryOperator<OutputStream> wrap) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("net.save needs a file name, but " + target + " is a folder.\n"
                    + "How to fix it: name a file inside it, e.g. " + target.resolve("model.cnnlab") + ".");
        }
        Path folder = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            try (FileOutputStream raw = new FileOutputStream(temp.toFile())) {
                OutputStream buffered = new BufferedOutputStream(wrap.apply(raw), 1 << 16);
                CheckedOutputStream checked = new CheckedOutputStream(buffered, new CRC32());
                DataOutputStream out = new DataOutputStream(checked);
                out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
                byte[] text = net.spec().toText().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
                net.block().saveParameters(out);
                out.flush();
                new DataOutputStream(buffered).writeLong(checked.getChecksum().getValue());
                buffered.flush();
                raw.getFD().sync();
            }
            move(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the network to " + target + ": " + e.getMessage()
                    + ". Any file that was there is unchanged. Check that the folder is writable and the disk not full.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless; the save's own outcome is what matters
                }
            }
        }
    }

    /** Reads a network saved by {@link #save}, built on {@code device}. */
    public static Network load(Path file, Device device) {
        Path source = file.toAbsolutePath();
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("No saved network at " + source + ".\nHow to fix it: check the path, or "
                    + "save one first with net.save(Path.of(\"" + file + "\")).");
        }
        try (BufferedInputStream buffered = new BufferedInputStream(new FileInputStream(source.toFile()), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(buffered, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            ModelSpec spec = readSpec(in, source);
            Network net = Cnn.from(spec).build(device);
            try {
                net.block().loadParameters(net.manager(), in);
                long expected = checked.getChecksum().getValue();
                long stored = new DataInputStream(buffered).readLong();
                if (stored != expected || buffered.read() != -1) {
                    throw damaged(source, "its checksum does not match its contents", null);
                }
                return net;
            } catch (IOException | MalformedModelException | RuntimeException e) {
                net.close();
                throw e instanceof IllegalStateException ? (IllegalStateException) e : damaged(source, describe(e), e);
            }
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("Cannot open " + source + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw damaged(source, describe(e), e);
        }
    }

    private static ModelSpec readSpec(DataInputStream in, Path source) throws IOException {
        byte[] magic = new byte[MAGIC.length()];
        int got = in.readNBytes(magic, 0, magic.length);
        if (got < magic.length || !MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
            throw new IllegalStateException(source + " is not a cnnlab model file: it should start with '"
                    + MAGIC.strip() + "'. Load only files written by net.save(path).");
        }
        int n = in.readInt();
        if (n <= 0 || n > 1 << 20) {
            throw damaged(source, "its architecture length " + n + " is impossible", null);
        }
        String text = new String(in.readNBytes(n), StandardCharsets.UTF_8);
        try {
            return ModelText.parse(text);
        } catch (RuntimeException e) {
            throw damaged(source, "its architecture text cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
