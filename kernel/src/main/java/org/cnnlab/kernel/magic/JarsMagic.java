package org.cnnlab.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code %jars path...}: adds jars (or every jar in a folder, or class folders) to the classpath. */
final class JarsMagic implements Magic {
    @Override
    public String name() {
        return "jars";
    }

    @Override
    public String help() {
        return "%jars <path>...  add jars, folders of jars or class folders to the classpath";
    }

    @Override
    public Optional<Object> run(String arguments, MagicContext context) throws Exception {
        if (arguments.isBlank()) {
            throw new MagicException("%jars needs a path, e.g. %jars lib/my.jar or %jars lib/");
        }
        for (String arg : arguments.trim().split("\\s+")) {
            Path path = Paths.get(arg.replaceFirst("^~", System.getProperty("user.home")));
            if (!Files.exists(path)) {
                throw new MagicException("%jars: " + path.toAbsolutePath() + " does not exist.");
            }
            for (Path jar : expand(path)) {
                context.addToClasspath(jar);
                context.out().println("Added " + jar.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
            return jars.isEmpty() ? List.of(path) : jars;
        }
    }
}
