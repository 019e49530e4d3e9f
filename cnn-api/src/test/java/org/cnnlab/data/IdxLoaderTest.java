package org.cnnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cnnlab.data.IdxReaderTest.message;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lookup order (user folder, system folder, download) and the download itself, against a small HTTP
 * server on 127.0.0.1 serving a tiny dataset.
 */
class IdxLoaderTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, byte[]> served = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private URI baseUrl;

    @BeforeEach
    void startServer() throws IOException {
        IdxFiles.writeTiny(dir.resolve("upstream"), 30, 10, true);
        for (String name : IdxCollection.FILES) {
            served.put("/data/" + name, Files.readAllBytes(dir.resolve("upstream").resolve(name)));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndKeepsTheFilesForNextTime() throws Exception {
        IdxSources sources = sources(true, sha256Checksums());
        DatasetPair data = IdxLoader.find(IdxCollection.FASHION_MNIST, sources);
        assertEquals(30, data.train().size());
        assertEquals(10, data.test().size());
        assertTrue(data.source().contains("downloaded from " + baseUrl), data.source());
        assertEquals(4, requests.get());
        try (Stream<Path> files = Files.list(sources.userFolder())) {
            assertEquals(4, files.count(), "the four files and no leftover .part file");
        }
        DatasetPair again = IdxLoader.find(IdxCollection.FASHION_MNIST, sources);
        assertEquals(4, requests.get(), "the second load reads the user's folder and makes no request");
        assertTrue(again.source().contains("(your dataset folder)"), again.source());
    }

    @Test
    void downloadsOnlyTheMissingFiles() throws Exception {
        IdxSources sources = sources(true, sha256Checksums());
        Files.createDirectories(sources.userFolder());
        Files.copy(dir.resolve("upstream/train-images-idx3-ubyte.gz"),
                sources.userFolder().resolve("train-images-idx3-ubyte.gz"));
        IdxLoader.find(IdxCollection.FASHION_MNIST, sources);
        assertEquals(3, requests.get());
    }

    @Test
    void checksumMismatchDiscardsTheFile() throws Exception {
        Map<String, Checksum> checksums = sha256Checksums();
        checksums.put("t10k-images-idx3-ubyte.gz", Checksum.sha256("00".repeat(32)));
        IdxSources sources = sources(true, checksums);
        String m = message(() -> IdxLoader.find(IdxCollection.FASHION_MNIST, sources));
        assertTrue(m.contains("Downloaded " + baseUrl + "t10k-images-idx3-ubyte.gz but its SHA-256 checksum is "
                + sha256(served.get("/data/t10k-images-idx3-ubyte.gz")) + ", expected " + "00".repeat(32)), m);
        assertTrue(m.contains("It was discarded"), m);
        assertFalse(Files.exists(sources.userFolder().resolve("t10k-images-idx3-ubyte.gz")));
        try (Stream<Path> files = Files.list(sources.userFolder())) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no temporary file left behind");
        }
    }

    @Test
    void md5ChecksumsWorkToo() throws Exception {
        Map<String, Checksum> checksums = new HashMap<>();
        for (String name : IdxCollection.FILES) {
            byte[] digest = MessageDigest.getInstance("MD5").digest(served.get("/data/" + name));
            checksums.put(name, Checksum.md5(HexFormat.of().formatHex(digest).toUpperCase()));
        }
        assertEquals(30, IdxLoader.find(IdxCollection.MNIST, sources(true, checksums)).train().size());
    }

    @Test
    void serverErrorEndsInANotFoundMessageThatSaysHowToFixIt() {
        IdxSources sources = sources(true, sha256Checksums());
        served.remove("/data/train-labels-idx1-ubyte.gz");
        String m = message(() -> IdxLoader.find(IdxCollection.FASHION_MNIST, sources));
        assertTrue(m.startsWith("Fashion-MNIST was not found and could not be downloaded. Looked in:"), m);
        assertTrue(m.contains("1. " + sources.userFolder() + " (your dataset folder): does not exist"), m);
        assertTrue(m.contains("2. " + sources.systemFolder() + " (Debian package dataset-fashion-mnist): does not exist"), m);
        assertTrue(m.contains("3. download from " + baseUrl + ": failed: "), m);
        assertTrue(m.contains("HTTP 404"), m);
        assertTrue(m.contains("sudo apt-get install dataset-fashion-mnist"), m);
        assertTrue(m.contains("in " + sources.userFolder() + ", or pass their folder"), m);
        assertTrue(m.contains("-Dcnnlab.datasets.fashion-mnist.url=URL"), m);
        assertTrue(m.contains("Datasets.fashionMnistSample()"), m);
    }

    @Test
    void withDownloadsOffNothingIsRequested() {
        IdxSources sources = sources(false, sha256Checksums());
        String m = message(() -> IdxLoader.find(IdxCollection.FASHION_MNIST, sources));
        assertTrue(m.contains("switched off (cnnlab.download=false or CNNLAB_DOWNLOAD=false)"), m);
        assertEquals(0, requests.get());
    }

    @Test
    void userFolderComesBeforeTheSystemFolder() throws IOException {
        IdxFiles.writeTiny(dir.resolve("user"), 20, 10, true);
        IdxFiles.writeTiny(dir.resolve("system"), 40, 10, true);
        IdxSources sources = new IdxSources(dir.resolve("user"), dir.resolve("system"), baseUrl, true, Map.of());
        assertEquals(20, IdxLoader.find(IdxCollection.FASHION_MNIST, sources).train().size());
        Files.delete(dir.resolve("user/t10k-labels-idx1-ubyte.gz"));
        DatasetPair fromSystem = IdxLoader.find(IdxCollection.FASHION_MNIST, sources);
        assertEquals(40, fromSystem.train().size(), "an incomplete user folder is passed over");
        assertEquals(0, requests.get());
    }

    @Test
    void aCorruptFileIsReportedNotSkipped() throws IOException {
        IdxFiles.writeTiny(dir.resolve("user"), 20, 10, true);
        IdxFiles.writeTiny(dir.resolve("system"), 40, 10, true);
        Files.write(dir.resolve("user/train-images-idx3-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        IdxSources sources = new IdxSources(dir.resolve("user"), dir.resolve("system"), baseUrl, true, Map.of());
        String m = message(() -> IdxLoader.find(IdxCollection.FASHION_MNIST, sources));
        assertTrue(m.startsWith(dir.resolve("user/train-images-idx3-ubyte.gz").toString()), m);
        assertTrue(m.contains("delete the file so cnnlab downloads it again"), m);
    }

    @Test
    void anExplicitFolderIsTheOnlyPlaceLookedAt() throws IOException {
        IdxFiles.writeTiny(dir.resolve("mine"), 10, 10, true);
        Files.delete(dir.resolve("mine/train-labels-idx1-ubyte.gz"));
        String m = message(() -> Datasets.fashionMnist(dir.resolve("mine")));
        assertTrue(m.contains("Fashion-MNIST is not complete in " + dir.resolve("mine")
                + ": it lacks train-labels-idx1-ubyte.gz"), m);
        assertTrue(m.contains("sudo apt-get install dataset-fashion-mnist"), m);
    }

    private IdxSources sources(boolean download, Map<String, Checksum> checksums) {
        return new IdxSources(dir.resolve("home/fashion-mnist"), dir.resolve("no-such-system-folder"), baseUrl,
                download, checksums);
    }

    private Map<String, Checksum> sha256Checksums() {
        Map<String, Checksum> checksums = new HashMap<>();
        for (String name : IdxCollection.FILES) {
            checksums.put(name, Checksum.sha256(sha256(served.get("/data/" + name))));
        }
        return checksums;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
