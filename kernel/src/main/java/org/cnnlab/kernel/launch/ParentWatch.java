package org.cnnlab.kernel.launch;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Ends the kernel when the process that started it ends, as ipykernel does: a kernel whose Jupyter server
 * was killed (or whose terminal closed) would otherwise live on under PID 1, holding gigabytes and its
 * ports, with nobody left to shut it down. Watched are the direct parent (launch.sh execs java, so that is
 * the front end itself) and the process named by {@code JPY_PARENT_PID}, which jupyter_client sets to its
 * own PID.
 */
public final class ParentWatch {
    private ParentWatch() {}

    /** Starts watching; returns at once. {@code log} is the terminal's stderr. */
    public static void start(PrintStream log) {
        Set<ProcessHandle> parents = new LinkedHashSet<>();
        ProcessHandle.current().parent().filter(ParentWatch::watchable).ifPresent(parents::add);
        fromEnvironment().filter(ParentWatch::watchable).ifPresent(parents::add);
        for (ProcessHandle parent : parents) {
            parent.onExit().thenRun(() -> {
                log.println("cnnlab kernel: the process that started it (PID " + parent.pid()
                        + ") has ended; exiting.");
                System.exit(0);
            });
        }
    }

    /** Not init (PID 1): a kernel started by a daemon that already left must not exit at once. */
    private static boolean watchable(ProcessHandle p) {
        return p.pid() > 1 && p.isAlive();
    }

    private static Optional<ProcessHandle> fromEnvironment() {
        String pid = System.getenv("JPY_PARENT_PID");
        try {
            return pid == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
