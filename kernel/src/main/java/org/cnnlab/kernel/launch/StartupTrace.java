package org.cnnlab.kernel.launch;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Timestamps of the kernel's start-up stages and requests, in milliseconds since the JVM started, written to
 * the terminal's stderr when the JVM runs with {@code -Dcnnlab.trace=true} (e.g. through CNNLAB_JAVA_OPTS).
 * It is how the first cell's wait was taken apart; off, it costs one boolean test per stage.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("cnnlab.trace");
    private static final PrintStream LOG = System.err;

    private StartupTrace() {}

    public static void mark(String stage) {
        if (ON) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.println("cnnlab trace " + sinceStart + " ms [" + Thread.currentThread().getName() + "] " + stage);
        }
    }
}
