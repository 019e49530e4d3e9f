package org.cnnlab.kernel.magic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** What magics may do to the kernel: run Java code in the cell's context, extend the classpath, print. */
public interface MagicContext {
    /** Evaluates Java source as if it were (part of) the cell; returns its value when it has one. */
    Optional<Object> evaluate(String javaSource) throws Exception;

    /** @throws MagicException when {@code jarOrFolder} cannot be used (a damaged jar); nothing is added then */
    void addToClasspath(Path jarOrFolder) throws MagicException;

    String classpath();

    PrintStream out();
}
