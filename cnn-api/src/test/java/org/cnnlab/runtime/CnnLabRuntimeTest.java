package org.cnnlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CnnLabRuntimeTest {
    @Test
    void engineStartsOfflineFromTheNativeJar() {
        CnnLabRuntime.init();
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
        Engine engine = Engine.getEngine("PyTorch");
        assertEquals("PyTorch", engine.getEngineName());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3});
            assertEquals(14f, x.mul(x).sum().getFloat(), 1e-6);
        }
        assertTrue(engine.getVersion().startsWith("2."), engine.getVersion());
    }

    @Test
    void theLaunchersEnvironmentComesFromTheOneSettingsFile() {
        var environment = CnnLabRuntime.environment();
        assertEquals("33554432", environment.get("MALLOC_MMAP_THRESHOLD_"), environment.toString());
        assertEquals("4294967296", environment.get("MALLOC_TRIM_THRESHOLD_"), environment.toString());
        // Maven's test JVMs read the same file (properties-maven-plugin, surefire's environmentVariables).
        assertTrue(CnnLabRuntime.startedWithEnvironment(), "this test JVM did not get " + environment.keySet());
        environment.forEach((name, value) -> assertEquals(value, System.getenv(name), name));
    }

    @Test
    void theLibraryBringsNoLoggingBackendNorItsLevels() throws Exception {
        // The application (kernel, JShell launcher, a user's program) chooses slf4j's backend and its levels.
        Path library = Path.of(CnnLabRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertFalse(Files.exists(library.resolve("simplelogger.properties")), library.toString());
        assertFalse(Files.exists(library.resolve("org/slf4j/simple")), library.toString());
    }
}
