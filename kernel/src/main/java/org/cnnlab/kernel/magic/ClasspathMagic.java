package org.cnnlab.kernel.magic;

import java.io.File;
import java.util.Optional;

/** {@code %classpath}: prints the classpath cells compile and run against, one entry per line. */
final class ClasspathMagic implements Magic {
    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public String help() {
        return "%classpath  list the jars and folders cells can use";
    }

    @Override
    public Optional<Object> run(String arguments, MagicContext context) {
        context.out().println(String.join("\n", context.classpath().split(File.pathSeparator)));
        return Optional.empty();
    }
}
