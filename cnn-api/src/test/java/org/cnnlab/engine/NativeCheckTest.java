package org.cnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cnnlab.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PyTorch of another version than DJL's bridge, pointed at with PYTORCH_LIBRARY_PATH, is refused when the
 * engine starts, with the versions and the way to matching ones. Reproduced with Debian's python3-torch
 * (PyTorch 1.13) against DJL 0.36's bridge for 2.7.1: without the check DJL fails with an undefined symbol
 * (on a GPU it loads and fails at the first tensor).
 */
class NativeCheckTest {
    private static final Path DEBIAN_TORCH = Path.of("/usr/lib/python3/dist-packages/torch/lib");

    @TempDir
    Path dir;

    @Test
    void theBundledBridgeIsForPyTorch271() {
        assertEquals("2.7.1", NativeCheck.bridgeVersion());
    }

    @Test
    void aLibtorchArchiveOfTheSameReleaseMatchesAndAnotherDoesNot() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("libtorch/lib"));
        Files.writeString(dir.resolve("libtorch/build-version"), "2.7.1+cu126\n");
        assertEquals(Optional.empty(), NativeCheck.mismatch(lib, "2.7.1", "2.7.1"));
        Files.writeString(dir.resolve("libtorch/build-version"), "2.11.0+cu130\n");
        String m = NativeCheck.mismatch(lib, "2.11.0", "2.7.1").orElseThrow();
        assertTrue(m.contains("is version 2.11.0+cu130 (read from " + dir.resolve("libtorch/build-version")), m);
        assertTrue(m.contains("built for PyTorch 2.7.1; PYTORCH_VERSION=2.11.0"), m);
        assertTrue(m.contains("pip install torch==2.7.1") && m.contains("unset PYTORCH_LIBRARY_PATH"), m);
    }

    @Test
    void debiansPyTorch113IsRefusedWhenTheEngineStarts() throws Exception {
        assumeTrue(Files.exists(DEBIAN_TORCH.resolve("libtorch_cpu.so")),
                "needs Debian's python3-torch (tests/debian-packages.txt): apt-get install python3-torch");
        String m = NativeCheck.mismatch(DEBIAN_TORCH, null, "2.7.1").orElseThrow();
        assertTrue(m.startsWith("The PyTorch at PYTORCH_LIBRARY_PATH=" + DEBIAN_TORCH + " is version 1.13"), m);

        ProcessBuilder child = ChildJvm.of(BuildOnce.class).redirectErrorStream(true);
        child.environment().put("PYTORCH_LIBRARY_PATH", DEBIAN_TORCH.toString());
        child.environment().put("PYTORCH_VERSION", "2.7.1");
        child.environment().put("PYTORCH_FLAVOR", "cpu");
        Process p = child.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, p.waitFor(), out);
        assertTrue(out.contains("refused: java.lang.IllegalStateException: The PyTorch at PYTORCH_LIBRARY_PATH="
                + DEBIAN_TORCH + " is version 1.13"), out);
        assertTrue(out.contains("built for PyTorch 2.7.1; PYTORCH_VERSION=2.7.1"), out);
    }
}
