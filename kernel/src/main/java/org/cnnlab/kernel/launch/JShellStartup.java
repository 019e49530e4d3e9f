package org.cnnlab.kernel.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the start-up script of the cnnlab JShell launcher: the runtime settings, then cnn-api's default
 * imports whose packages exist on this classpath (some are still being written), then the notebook
 * helpers ({@code display(x)}), which in a terminal write pictures to files.
 */
public final class JShellStartup {
    private JShellStartup() {}

    public static void main(String[] args) throws IOException {
        StringBuilder script = new StringBuilder("org.cnnlab.runtime.CnnLabRuntime.init();\n");
        try (InputStream in = JShellStartup.class.getResourceAsStream("/org/cnnlab/imports.txt")) {
            if (in != null) {
                for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                        .lines().map(String::strip).toArray(String[]::new)) {
                    if (line.startsWith("import ") && packageExists(line)) {
                        script.append(line).append('\n');
                    }
                }
            }
        }
        script.append("import static org.cnnlab.kernel.display.Notebook.*;\n");
        System.out.print(script);
    }

    /**
     * False for {@code import a.b.*;} when no classpath entry has a folder {@code a/b} (JShell would reject it,
     * slowly); true otherwise. Static imports name cnn-api's own classes, which are always there. Used by the
     * kernel and by the JShell launcher, so both start with the same imports.
     */
    public static boolean packageExists(String importLine) {
        String name = importLine.substring("import ".length()).replace(";", "").strip();
        if (name.startsWith("static ") || !name.endsWith(".*") || name.startsWith("java.")) {
            return true;
        }
        String folder = name.substring(0, name.length() - 2).replace('.', '/') + "/";
        return JShellStartup.class.getClassLoader().getResource(folder) != null;
    }
}
