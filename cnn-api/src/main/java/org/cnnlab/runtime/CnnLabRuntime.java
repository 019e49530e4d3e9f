package org.cnnlab.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configures the JVM for DJL before the engine loads. Every entry point (the library's own front doors,
 * the kernel, the JShell launcher, benchmarks, tests) passes through {@link #init()}; calling it again is
 * free.
 *
 * <p>The values live in one file, {@code org/cnnlab/runtime/settings.properties}, which the shell launchers
 * read too (see {@code kernel/src/kernelspec/settings.sh}). Why each setting exists:
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
 * A user's own setting (environment variable or system property) always wins over ours. Log levels are the
 * application's choice, not the library's: the kernel and the JShell launcher bring slf4j-simple and its
 * {@code simplelogger.properties}; a program using cnn-api brings whatever slf4j backend it likes.
 *
 * <p>What a JVM cannot do for itself: glibc's malloc reads {@code MALLOC_MMAP_THRESHOLD_} and
 * {@code MALLOC_TRIM_THRESHOLD_} only at process start. DJL training with glibc defaults hands big
 * tensors back to the kernel after every batch and page-faults them in again (millions of faults,
 * epochs twice as slow and erratic). GNU OpenMP, PyTorch's CPU thread team, reads {@code OMP_WAIT_POLICY}
 * at process start as well: {@code PASSIVE} makes its threads sleep between parallel operations instead of
 * spinning, which on a laptop also running a browser and Jupyter took the cores from the computing threads (a
 * LeNet-5 step measured 8x slower among other programs; on a quiet machine both policies train at the same
 * speed, bench/train/NOTES.md). The project's launchers export the file's {@code environment.} lines;
 * {@link #environment()} lists them for a program that starts JVMs, and {@link #startedWithEnvironment()} tells whether
 * this process got them.
 */
public final class CnnLabRuntime {
    private static final String SETTINGS = "settings.properties";
    private static final String PROPERTY = "property.";
    private static final String ENVIRONMENT = "environment.";
    private static final String HEADLESS = "headless.";

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
            boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
            withPrefix(PROPERTY).forEach(CnnLabRuntime::setDefault);
            if (!display) {
                withPrefix(HEADLESS).forEach(CnnLabRuntime::setDefault);
            }
            setDefault("DJL_CACHE_DIR", home().resolve("djl").toString());
            initialised = true;
        }
    }

    /**
     * The environment variables every launcher sets before a JVM starts (name to value, in the file's order):
     * a program that starts a JVM running cnn-api should pass them on.
     */
    public static Map<String, String> environment() {
        return withPrefix(ENVIRONMENT);
    }

    /** cnnlab's own folder: {@code $CNNLAB_HOME}, else {@code ~/.cnnlab}. Datasets and caches live here. */
    public static Path home() {
        String configured = firstNonBlank(System.getProperty("cnnlab.home"), System.getenv("CNNLAB_HOME"));
        if (configured != null) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("user.home"), ".cnnlab");
    }

    /** True when this process started with the environment settings (malloc thresholds, OpenMP's wait policy). */
    public static boolean startedWithEnvironment() {
        return environment().keySet().stream().allMatch(name -> System.getenv(name) != null);
    }

    private static Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : settingsLines()) {
            int eq = line.indexOf('=');
            if (line.startsWith(prefix) && eq > 0) {
                found.put(line.substring(prefix.length(), eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return found;
    }

    /** The settings file's lines, in order (java.util.Properties would lose the order). */
    private static List<String> settingsLines() {
        try (InputStream in = CnnLabRuntime.class.getResourceAsStream(SETTINGS)) {
            if (in == null) {
                throw new IllegalStateException("cnn-api's jar lacks org/cnnlab/runtime/" + SETTINGS
                        + ": the build is broken; rebuild with mvn install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cnn-api's " + SETTINGS, e);
        }
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
