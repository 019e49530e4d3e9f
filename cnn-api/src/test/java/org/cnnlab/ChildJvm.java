package org.cnnlab;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Starts a test class's {@code main} in a JVM of its own: for what one process cannot do to itself (be killed, start with other environment variables). */
public final class ChildJvm {
    private ChildJvm() {}

    public static ProcessBuilder of(Class<?> main, String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
