package org.cnnlab.kernel.magic;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code %maven group:artifact:version}: adds an artifact and its dependencies to the classpath. */
final class MavenMagic implements Magic {
    private final MavenResolver resolver;

    MavenMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public String help() {
        return "%maven group:artifact:version  add a library (from ~/.m2, else the configured repositories)";
    }

    @Override
    public Optional<Object> run(String arguments, MagicContext context) throws Exception {
        for (String coordinates : arguments.trim().split("\\s+")) {
            List<Path> jars = resolver.resolve(coordinates);
            for (Path jar : jars) {
                context.addToClasspath(jar);
            }
            context.out().println("Added " + coordinates + " (" + jars.size() + " jar" + (jars.size() == 1 ? "" : "s")
                    + ")");
        }
        return Optional.empty();
    }
}
