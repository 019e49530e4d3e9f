package org.cnnlab.kernel.eval;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * The kernel jar's Java agent ({@code -javaagent:cnnlab-kernel.jar}). It only keeps the JVM's
 * {@link Instrumentation}, which lets {@link KernelExecutionControl} redefine a snippet's class in place the
 * way JShell's remote engine does through the debugger. Without it, every recompiled snippet gets a fresh
 * class and its variables lose their values (the JJava bugs where an import resets variables).
 */
public final class RedefineAgent {
    private static volatile Instrumentation instrumentation;

    private RedefineAgent() {}

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    static Optional<Instrumentation> instrumentation() {
        return Optional.ofNullable(instrumentation);
    }
}
