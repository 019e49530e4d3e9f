package org.cnnlab.kernel.eval;

import java.security.Permission;

/**
 * Keeps user code from ending the kernel: {@code System.exit} (and {@code Runtime.halt}) called from a cell,
 * or from any thread a cell started, throws {@link ExitNotAllowedException}; the kernel's own threads may
 * still exit. Uses a SecurityManager, deprecated but working on Java 17 (started with
 * {@code -Djava.security.manager=allow}); every other permission is granted.
 */
@SuppressWarnings("removal")
public final class ExitGuard extends SecurityManager {

    /** Installs the guard; returns false where the JVM refuses a SecurityManager. */
    public static boolean install() {
        java.io.PrintStream err = System.err;
        try {
            // Java 17 warns on stderr that security managers are going away; that is known and said here.
            System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            err.println("cnnlab kernel: cannot block System.exit in cells on this JVM (" + e.getMessage()
                    + "); start Java with -Djava.security.manager=allow.");
            return false;
        } finally {
            System.setErr(err);
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
