package org.cnnlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the idx format of MNIST and Fashion-MNIST, plain or gzipped (detected from the content, not the
 * name). An idx file is a 4-byte magic number ({@code 0x00000803 = 2051} for images: unsigned bytes, 3
 * dimensions; {@code 0x00000801 = 2049} for labels: 1 dimension), one big-endian 4-byte size per dimension,
 * then the values row by row. Every way a file can be wrong becomes a {@link DatasetException} naming it.
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    private static final String REPLACE = " Replace it with an intact copy.";

    /** The images of one idx3 file: {@code count} images of {@code rows x columns}, bytes row by row. */
    record Images(int count, int rows, int columns, byte[] pixels) {}

    private IdxReader() {}

    static Images readImages(Path file) {
        try {
            return readImages(file.toString(), Files.newInputStream(file));
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    static byte[] readLabels(Path file) {
        try {
            return readLabels(file.toString(), Files.newInputStream(file));
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /** Reads images from {@code raw}, which it closes; {@code file} names the source in messages. */
    static Images readImages(String file, InputStream raw) {
        try (InputStream in = open(file, raw)) {
            int[] header = header(file, in, IMAGES_MAGIC, 3);
            long expected = (long) header[0] * header[1] * header[2];
            if (header[1] < 1 || header[2] < 1 || expected > Integer.MAX_VALUE - 8) {
                throw new DatasetException(file + ": its header announces " + header[0] + " images of "
                        + header[1] + "x" + header[2] + " pixels, which is not a plausible image file." + REPLACE);
            }
            byte[] pixels = body(file, in, expected, header[0] + " images of " + header[1] + "x" + header[2]);
            return new Images(header[0], header[1], header[2], pixels);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Reads labels from {@code raw}, which it closes; {@code file} names the source in messages. */
    static byte[] readLabels(String file, InputStream raw) {
        try (InputStream in = open(file, raw)) {
            int[] header = header(file, in, LABELS_MAGIC, 1);
            return body(file, in, header[0], header[0] + " labels");
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Opens {@code file}, unzipping it when its first two bytes are gzip's signature {@code 1f 8b}. */
    private static InputStream open(String file, InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new GZIPInputStream(in, 1 << 16);
            }
            if (b0 == -1) {
                throw new DatasetException(file + " is empty (0 bytes)." + REPLACE);
            }
            if (b0 != 0 || b1 != 0) {
                throw new DatasetException(file + " is neither gzip (which starts with bytes 1f 8b) nor a plain"
                        + " idx file (which starts with 00 00); it starts with "
                        + Formats.describeStart(in.readNBytes(16)) + "." + REPLACE);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static int[] header(String file, InputStream in, int magic, int dims) throws IOException {
        int found = readInt(file, in);
        if (found != magic) {
            String hint = (found == IMAGES_MAGIC || found == LABELS_MAGIC)
                    ? " It is an idx " + (found == IMAGES_MAGIC ? "images" : "labels") + " file: are the images"
                      + " and labels files swapped or misnamed?"
                    : REPLACE;
            throw new DatasetException(file + ": bad magic number: expected " + magic + " ("
                    + (magic == IMAGES_MAGIC ? "idx images" : "idx labels") + "), got " + found + "." + hint);
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = readInt(file, in);
        }
        if (sizes[0] < 0) {
            throw new DatasetException(file + ": its header announces a negative count (" + sizes[0] + ")." + REPLACE);
        }
        return sizes;
    }

    private static byte[] body(String file, InputStream in, long expected, String what) throws IOException {
        byte[] data = readFully(file, in, (int) expected);
        if (data.length < expected) {
            throw new DatasetException(file + " says it holds " + what + " (" + String.format("%,d", expected)
                    + " bytes after the header) but holds only " + String.format("%,d", data.length)
                    + ": the file is truncated, perhaps by an interrupted download or copy." + REPLACE);
        }
        if (in.read() != -1) {
            throw new DatasetException(file + " says it holds " + what + " (" + String.format("%,d", expected)
                    + " bytes after the header) but goes on after them: it is not the file its header describes."
                    + REPLACE);
        }
        return data;
    }

    private static byte[] readFully(String file, InputStream in, int n) throws IOException {
        try {
            return in.readNBytes(n);
        } catch (EOFException e) {
            throw new DatasetException(file + ": its gzip stream ends early (" + e.getMessage()
                    + "): the file is truncated, perhaps by an interrupted download or copy." + REPLACE, e);
        }
    }

    private static int readInt(String file, InputStream in) throws IOException {
        byte[] b = readFully(file, in, 4);
        if (b.length < 4) {
            throw new DatasetException(file + " ends inside its header: it is empty or truncated." + REPLACE);
        }
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    private static DatasetException unreadable(String file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException(file + " does not exist.", e);
        }
        if (e instanceof EOFException) {
            return new DatasetException(file + ": its gzip stream ends early: the file is truncated." + REPLACE, e);
        }
        if (e instanceof ZipException) {
            return new DatasetException(file + " is not a valid gzip file: " + e.getMessage() + "." + REPLACE, e);
        }
        return new DatasetException(file + " could not be read: " + e + ".", e);
    }
}
