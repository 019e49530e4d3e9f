package org.cnnlab.kernel.magic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** {@code %load file}: runs a Java (JShell) source file as if its text were this cell. */
final class LoadMagic implements Magic {
    @Override
    public String name() {
        return "load";
    }

    @Override
    public String help() {
        return "%load <file.jsh|file.java>  run a file's code in this notebook";
    }

    @Override
    public Optional<Object> run(String arguments, MagicContext context) throws Exception {
        Path file = Paths.get(arguments.trim());
        if (arguments.isBlank() || !Files.isRegularFile(file)) {
            throw new MagicException("%load: cannot read '" + arguments.trim() + "' (from "
                    + Paths.get("").toAbsolutePath() + ").");
        }
        return context.evaluate(Files.readString(file, StandardCharsets.UTF_8));
    }
}
