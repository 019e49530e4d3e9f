package org.cnnlab.runtime;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Configures the JVM for DJL before the engine loads. Every entry point (the library's own front doors,
 * the kernel, the JShell launcher, benchmarks, tests) passes through {@link #init()}; calling it again is
 * free.
 *
 * <p>Why each setting exists:
 * <ul>
 *   <li>{@code ai.djl.offline=true}: DJL must never try to download natives or models. The PyTorch
 *       natives come from the {@code pytorch-native-*} jar on the classpath; with offline mode any stray
 *       download attempt fails at once instead of hanging on a closed network.</li>
 *   <li>{@code OPT_OUT_TRACKING=true}: without it, engine start-up probes a cloud metadata address
 *       (169.254.169.254) to report usage.</li>
 *   <li>{@code DJL_CACHE_DIR}: the natives unpack (about 430 MB, once) under {@code ~/.cnnlab/djl} rather
 *       than DJL's default, so one folder holds everything cnnlab writes. {@code CNNLAB_HOME} moves it.</li>
 *   <li>{@code num_interop_threads=1}: the small models of a course gain nothing from inter-op
 *       parallelism, and a second pool fights the intra-op one for 2 cores.</li>
 *   <li>{@code java.awt.headless}: pictures render without a display unless one exists.</li>
 * </ul>
 * A user's own setting (environment variable or system property) always wins over ours. Log levels (DJL's
 * start-up chatter kept out of notebook cells) live in {@code simplelogger.properties}, which slf4j reads
 * whenever it starts, before or after this routine.
 *
 * <p>What a JVM cannot do for itself: glibc's malloc reads {@code MALLOC_MMAP_THRESHOLD_} and
 * {@code MALLOC_TRIM_THRESHOLD_} only at process start. DJL training with glibc defaults hands big
 * tensors back to the kernel after every batch and page-faults them in again (millions of faults,
 * epochs twice as slow and erratic). The project's launchers set both; {@link #mallocTuned()} tells
 * whether this process got them.
 */
public final class CnnLabRuntime {
    /** The malloc settings every launcher exports; see the class comment. */
    public static final String MALLOC_MMAP_THRESHOLD = "33554432";
    public static final String MALLOC_TRIM_THRESHOLD = "4294967296";

    private static volatile boolean initialised;

    private CnnLabRuntime() {}

    /** Applies the settings once; safe to call from any thread, any number of times. */
    public static void init() {
        if (initialised) {
            return;
        }
        synchronized (CnnLabRuntime.class) {
            if (initialised) {
                return;
            }
            setDefault("ai.djl.offline", "true");
            setDefault("OPT_OUT_TRACKING", "true");
            setDefault("DJL_CACHE_DIR", home().resolve("djl").toString());
            setDefault("ai.djl.pytorch.num_interop_threads", "1");
            if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
                setDefault("java.awt.headless", "true");
            }
            initialised = true;
        }
    }

    /** cnnlab's own folder: {@code $CNNLAB_HOME}, else {@code ~/.cnnlab}. Datasets and caches live here. */
    public static Path home() {
        String configured = firstNonBlank(System.getProperty("cnnlab.home"), System.getenv("CNNLAB_HOME"));
        if (configured != null) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("user.home"), ".cnnlab");
    }

    /** True when this process started with the malloc settings that keep DJL training fast. */
    public static boolean mallocTuned() {
        return System.getenv("MALLOC_MMAP_THRESHOLD_") != null && System.getenv("MALLOC_TRIM_THRESHOLD_") != null;
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
