package org.cnnlab.kernel.eval;

import java.security.Permission;

/**
 * Keeps user code from ending the kernel: {@code System.exit} (and {@code Runtime.halt}) called from a cell,
 * or from any thread a cell started, throws {@link ExitNotAllowedException}; the kernel's own threads may
 * still exit. Uses a SecurityManager: deprecated but working on Java 17 to 23 (18 to 23 started with
 * {@code -Djava.security.manager=allow}, which launch.sh passes); every other permission is granted.
 *
 * <p>Java 24 and later have no SecurityManager. There the evaluator refuses, before running them, cells whose
 * source calls an exit ({@link ExitCalls}); an exit reached indirectly (a library, a {@code Runtime} held in a
 * variable) still ends the kernel. Blocking it at the call itself would mean rewriting
 * {@code java.lang.Runtime}'s bytecode through the agent: fragile across JDKs, so not done.
 */
@SuppressWarnings("removal")
public final class ExitGuard extends SecurityManager {
    private static volatile boolean installed;

    /** True once the guard blocks exits; false where the JVM refused it (the source check then applies). */
    public static boolean installed() {
        return installed;
    }

    /** Installs the guard; returns false where the JVM refuses a SecurityManager. */
    public static boolean install() {
        java.io.PrintStream err = System.err;
        try {
            markDeprecationWarned();
            System.setSecurityManager(new ExitGuard());
            installed = true;
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            err.println("cnnlab kernel: Java " + Runtime.version().feature() + " cannot block System.exit ("
                    + e.getMessage() + "): cells calling it are refused by reading their source, but an exit "
                    + "inside a library would still end the kernel"
                    + (Runtime.version().feature() < 24 ? "; start Java with -Djava.security.manager=allow." : "."));
            return false;
        }
    }

    /**
     * Java 17 to 23 print four lines to the terminal (and the Jupyter server's log) the first time a class
     * calls {@code System.setSecurityManager}: that security managers are going away. That is known and said
     * in this class's comment, and the lines alarm users on every start. The JDK remembers which classes it
     * has warned in a private map; with the agent's {@link java.lang.instrument.Instrumentation} this class is
     * entered there first. Without the agent, or on a JDK built differently, the warning simply shows.
     */
    private static void markDeprecationWarned() {
        try {
            var inst = RedefineAgent.instrumentation();
            if (inst.isEmpty()) {
                return;
            }
            Module base = Object.class.getModule();
            inst.get().redefineModule(base, java.util.Set.of(), java.util.Map.of(),
                    java.util.Map.of("java.lang", java.util.Set.of(ExitGuard.class.getModule())),
                    java.util.Set.of(), java.util.Map.of());
            java.lang.reflect.Field callers = Class.forName("java.lang.System$CallersHolder")
                    .getDeclaredField("callers");
            callers.setAccessible(true);
            @SuppressWarnings("unchecked")
            java.util.Map<Class<?>, Boolean> warned = (java.util.Map<Class<?>, Boolean>) callers.get(null);
            warned.put(ExitGuard.class, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Only a warning is at stake: it shows, and the guard is installed all the same.
        }
    }

    @Override
    public void checkExit(int status) {
        if (isUserThread()) {
            throw new ExitNotAllowedException(status);
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // Everything else is allowed: this guard is about exits, not a sandbox.
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }

    private static boolean isUserThread() {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (g == KernelExecutionControl.USER_THREADS) {
                return true;
            }
        }
        return false;
    }
}
