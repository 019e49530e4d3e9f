package org.cnnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system properties that move the dataset folder, switch downloads off and name a mirror. */
class SettingsTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("cnnlab.datasets");
        System.clearProperty("cnnlab.download");
        System.clearProperty("cnnlab.datasets.fashion-mnist.url");
    }

    @Test
    void propertiesOverrideTheDefaults() {
        System.setProperty("cnnlab.datasets", dir.toString());
        System.setProperty("cnnlab.download", "FALSE");
        System.setProperty("cnnlab.datasets.fashion-mnist.url", "http://127.0.0.1:8000/mirror");
        IdxSources sources = IdxSources.defaults(IdxCollection.FASHION_MNIST);
        assertEquals(dir, Datasets.home());
        assertEquals(dir.resolve("fashion-mnist"), sources.userFolder());
        assertFalse(sources.downloadAllowed());
        assertEquals(URI.create("http://127.0.0.1:8000/mirror/"), sources.baseUrl(), "a trailing / is added");
    }

    @Test
    void defaultsAreUnderCnnlabsHomeWithUpstreamDownloads() {
        assumeTrue(System.getenv("CNNLAB_DATASETS") == null && System.getenv("CNNLAB_FASHION_MNIST_URL") == null,
                "this machine's environment moves the defaults");
        IdxSources sources = IdxSources.defaults(IdxCollection.FASHION_MNIST);
        assertTrue(sources.userFolder().endsWith(Path.of("datasets", "fashion-mnist")), sources.userFolder().toString());
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), sources.systemFolder());
        assertEquals(IdxCollection.FASHION_MNIST.checksums, sources.checksums());
        assertTrue(sources.baseUrl().toString().startsWith("https://"), sources.baseUrl().toString());
    }

    @Test
    void theUsersFolderIsFoundFirstByTheFrontDoor() throws IOException {
        System.setProperty("cnnlab.datasets", dir.toString());
        System.setProperty("cnnlab.download", "false");
        IdxFiles.writeTiny(dir.resolve("fashion-mnist"), 20, 10, true);
        DatasetPair data = Datasets.fashionMnist();
        assertEquals(20, data.train().size());
        assertEquals(dir.resolve("fashion-mnist") + " (your dataset folder)", data.source());
    }

    @Test
    void aFailedDownloadLeavesNoEmptyFolderAndSaysWhy() {
        IdxSources offline = new IdxSources(dir.resolve("fashion-mnist"), null,
                URI.create("http://127.0.0.1:1/"), true, IdxCollection.FASHION_MNIST.checksums);
        String m = IdxReaderTest.message(() -> IdxLoader.find(IdxCollection.FASHION_MNIST, offline));
        assertTrue(m.contains("could not reach the server"), m);
        assertFalse(Files.exists(dir.resolve("fashion-mnist")));
    }
}
