package org.cnnlab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kernel's evaluator adds to JShell's classpath. */
class JShellEvaluatorClasspathTest {
    @TempDir
    Path dir;

    @Test
    void theKernelRefusesAJarItCannotReadAndLaterCellsStillRun() throws Exception {
        Path notAZip = Files.writeString(dir.resolve("damaged.jar"), "not a zip file");
        try (JShellEvaluator evaluator = new JShellEvaluator(System.err)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> evaluator.addToClasspath(notAZip.toString()));
            assertTrue(refused.getMessage().contains(notAZip.toString()) && refused.getMessage().contains("damaged"),
                    refused.getMessage());
            assertEquals(2, evaluator.eval("1 + 1", 1).orElseThrow().value());
        }
    }
}
