package org.cnnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Fetches one file safely: it is written to a temporary file next to its destination, its checksum is
 * verified, and only then is it moved into place in one atomic step. A reader therefore never sees a
 * half-written or unverified file under the real name, even if the JVM dies mid-download.
 */
final class Downloader {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    private Downloader() {}

    /**
     * Downloads {@code url} to {@code target}. Throws {@link IOException} when the server cannot be reached
     * or answers with an error, and {@link DatasetException} when the file arrives but its checksum is wrong.
     */
    static void download(URI url, Path target, Checksum expected) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), target.getFileName().toString() + ".", ".part");
        try {
            String actual = fetch(url, part, expected.newDigest());
            if (!actual.equals(expected.hex())) {
                throw new DatasetException("Downloaded " + url + " but its " + expected.algorithm()
                        + " checksum is " + actual + ", expected " + expected.hex() + ": the file is damaged or"
                        + " not the one cnnlab knows. It was discarded, nothing was written to " + target
                        + ". Try again later; if it persists, the mirror serves a different file: download the"
                        + " files yourself from a source you trust and put them in " + target.getParent() + ".");
            }
            moveIntoPlace(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String fetch(URI url, Path part, MessageDigest digest) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(READ_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + url + " interrupted", e);
        }
        try (InputStream body = new DigestInputStream(response.body(), digest);
             OutputStream out = Files.newOutputStream(part)) {
            if (response.statusCode() != 200) {
                throw new IOException("the server answered HTTP " + response.statusCode() + " for " + url);
            }
            body.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
