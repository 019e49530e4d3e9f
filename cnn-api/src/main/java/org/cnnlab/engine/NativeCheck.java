package org.cnnlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before the PyTorch engine starts, that a PyTorch the user points DJL at ({@code
 * PYTORCH_LIBRARY_PATH}, usually with {@code PYTORCH_VERSION}) is the version DJL's bridge to it (the JNI
 * library in {@code pytorch-jni}) was built for. DJL 0.36's bridge is built for PyTorch 2.7.1; against
 * another version it either fails to load (an undefined symbol) or, worse, loads, counts the GPU, and fails
 * at the first data access ("Cannot access data pointer of Tensor that doesn't have storage"). Caught
 * here, the user is told which versions match and how to get them.
 *
 * <p>The library's version is read where PyTorch distributions write it: {@code build-version} next to
 * {@code lib/} in a libtorch archive, {@code version.py} in a Python {@code torch} package, or the
 * version in the real file name of {@code libtorch_cpu.so} (Debian's {@code .so.1.13.0}). When none of
 * them is there, nothing is refused: the check only speaks when it knows.
 */
public final class NativeCheck {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static volatile boolean verified;

    private NativeCheck() {}

    /** Throws {@link IllegalStateException} with the versions and the fix when they do not match; checks once. */
    public static void verify() {
        if (verified) {
            return;
        }
        String path = setting("PYTORCH_LIBRARY_PATH");
        if (path != null) {
            Optional<String> problem = mismatch(Path.of(path), setting("PYTORCH_VERSION"), bridgeVersion());
            if (problem.isPresent()) {
                throw new IllegalStateException(problem.get());
            }
        }
        verified = true;
    }

    /** What is wrong with using the PyTorch in {@code lib}, or empty when it matches (or cannot be told). */
    static Optional<String> mismatch(Path lib, String declared, String bridge) {
        Optional<Found> found = libraryVersion(lib);
        if (found.isEmpty() || bridge == null || sameRelease(found.get().version, bridge)) {
            return Optional.empty();
        }
        String v = found.get().version;
        return Optional.of("The PyTorch at PYTORCH_LIBRARY_PATH=" + lib + " is version " + v + " (read from "
                + found.get().source + "), but DJL's bridge to PyTorch (pytorch-jni " + bridgeJar() + ") is built "
                + "for PyTorch " + bridge + (declared == null ? "" : "; PYTORCH_VERSION=" + declared) + ". A bridge and "
                + "a PyTorch of different versions either fail to load or load and then fail at the first tensor "
                + "(on a GPU: \"Cannot access data pointer of Tensor that doesn't have storage\").\n"
                + "How to fix it, one of:\n"
                + "  - on the CPU: unset PYTORCH_LIBRARY_PATH, PYTORCH_VERSION and PYTORCH_FLAVOR; cnnlab's own "
                + "PyTorch " + bridge + " natives are then used;\n"
                + "  - your own PyTorch " + bridge + ": pip install torch==" + bridge + " (or the libtorch " + bridge
                + " archive from pytorch.org), then PYTORCH_LIBRARY_PATH=<that torch>/lib PYTORCH_VERSION=" + bridge
                + " and PYTORCH_FLAVOR=cpu, or cu126 / cu128 for its CUDA build;\n"
                + "  - a GPU without your own PyTorch: build with mvn -Pcuda (PyTorch 2.5.1 with CUDA 12.4 from Maven "
                + "Central, with its matching bridge).");
    }

    /** Same major and minor version: the bridge is built against one release line's symbols and layouts. */
    static boolean sameRelease(String a, String b) {
        Matcher x = VERSION.matcher(a);
        Matcher y = VERSION.matcher(b);
        return x.find() && y.find() && x.group(1).equals(y.group(1)) && x.group(2).equals(y.group(2));
    }

    static Optional<Found> libraryVersion(Path lib) {
        Path home = lib.toAbsolutePath().getParent();
        if (home != null) {
            Optional<Found> v = firstVersion(home.resolve("build-version"), "\\S+");
            if (v.isEmpty()) {
                v = firstVersion(home.resolve("version.py"), "__version__\\s*=\\s*['\"]([^'\"]+)['\"]");
            }
            if (v.isPresent()) {
                return v;
            }
        }
        try {
            Path real = lib.resolve("libtorch_cpu.so").toRealPath();
            Matcher m = Pattern.compile("\\.so\\.(\\d+\\.\\d+(?:\\.\\d+)?)$").matcher(real.toString());
            if (m.find()) {
                return Optional.of(new Found(m.group(1), real.toString()));
            }
        } catch (IOException e) {
            // no libtorch_cpu.so there: DJL will say so itself
        }
        return Optional.empty();
    }

    private static Optional<Found> firstVersion(Path file, String regex) {
        try {
            Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
            if (m.find()) {
                return Optional.of(new Found(m.groupCount() > 0 ? m.group(1) : m.group(), file.toString()));
            }
        } catch (IOException e) {
            // not this kind of distribution
        }
        return Optional.empty();
    }

    /** The PyTorch version the bundled bridge was built for ({@code 2.7.1} of {@code 2.7.1-0.36.0}), or null. */
    static String bridgeVersion() {
        String jar = bridgeJar();
        return jar == null ? null : jar.split("-")[0];
    }

    private static String bridgeJar() {
        try (InputStream in = NativeCheck.class.getResourceAsStream("/jnilib/pytorch.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("jni_version");
        } catch (IOException e) {
            return null;
        }
    }

    private static String setting(String name) {
        String v = System.getenv(name) != null ? System.getenv(name) : System.getProperty(name); // DJL's order
        return v == null || v.isBlank() ? null : v;
    }

    /** A version and the file it was read from. */
    record Found(String version, String source) {
    }
}
