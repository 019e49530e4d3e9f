package org.cnnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The expected digest of a downloaded file, e.g. {@code MD5 8d4fb7e6...}. A download whose digest differs
 * is damaged or not the file we asked for, and is thrown away. Checksums only apply to downloads: the
 * files a Linux distribution ships (Debian's {@code dataset-fashion-mnist}) hold the same images but are
 * compressed differently, so their bytes differ from upstream's.
 *
 * @param algorithm a {@link MessageDigest} name: {@code MD5} or {@code SHA-256}
 * @param hex the digest in lower-case hexadecimal
 */
record Checksum(String algorithm, String hex) {
    Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
    }

    static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    /** A fresh digest for this checksum's algorithm. */
    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks the " + algorithm + " digest", e);
        }
    }

    /** The digest of {@code file} with this checksum's algorithm, in hex. */
    String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }
}
