package org.cnnlab.kernel.eval;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM, so that their values are real objects the kernel can render, each on a fresh
 * thread in a fresh thread group, so that an interrupt reaches it and whatever it started. Interrupting is
 * cooperative first: {@link #interrupt()} calls {@link Thread#interrupt()} on those threads, which code that
 * checks {@link Thread#interrupted()} (cnn-api's training loop does, at every batch) or blocks
 * ({@code sleep}, {@code wait}, I/O on channels) answers by ending cleanly. Only a snippet still running after
 * {@link #GRACE_MILLIS} is killed with {@link Thread#stop()}, which can leave half-updated state behind. Java 20
 * and later cannot stop a thread: there the snippet keeps running, the cell's stderr says so (restart the
 * kernel), and later execute requests wait behind it while interrupts and shutdown still get through. Redefines
 * classes in place through {@link RedefineAgent} when it can, which keeps variables' values when JShell
 * recompiles a snippet after an import or a change of a method it uses.
 */
final class KernelExecutionControl extends DirectExecutionControl {
    /** Parent of every thread group user code runs in; {@link ExitGuard} recognises user threads by it. */
    static final ThreadGroup USER_THREADS = new ThreadGroup("cnnlab-user-code");
    private static final long STACK_SIZE = 64L * 1024 * 1024;
    /** How long an interrupted snippet may take to end by itself before its threads are stopped. */
    static final long GRACE_MILLIS = 700;

    private volatile ThreadGroup running;
    /** Set by {@link #interrupt()} for the current cell; cleared by {@link #beginCell()}. */
    private volatile boolean cellInterrupted;
    /** The last snippet ended because of an interrupt (stopped, or it let the interrupt end it). */
    private volatile boolean stopped;
    private volatile Object lastValue;
    private final java.io.PrintStream notices;

    /** {@code notices} receives what the user must know about an interrupt (normally the cell's stderr). */
    KernelExecutionControl(java.io.PrintStream notices) {
        this.notices = notices;
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        Optional<Instrumentation> inst = RedefineAgent.instrumentation();
        if (inst.isEmpty() || !inst.get().isRedefineClassesSupported()) {
            throw new NotImplementedException("redefine needs the cnnlab agent");
        }
        try {
            ClassDefinition[] defs = new ClassDefinition[cbcs.length];
            for (int i = 0; i < cbcs.length; i++) {
                defs[i] = new ClassDefinition(findClass(cbcs[i].name()), cbcs[i].bytecodes());
            }
            inst.get().redefineClasses(defs);
            classesRedefined(cbcs);
        } catch (ClassNotFoundException | UnsupportedOperationException | ClassFormatError
                 | java.lang.instrument.UnmodifiableClassException e) {
            // A changed shape (new field or method): JShell then loads a replacement class, as remote JShell does.
            throw new ClassInstallException("cannot redefine in place: " + e, new boolean[cbcs.length]);
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        stopped = false;
        if (cellInterrupted) {
            // Interrupted while JShell was still compiling: the snippet never starts.
            stopped = true;
            throw new StoppedException();
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        boolean[] flagAtEnd = new boolean[1];
        ThreadGroup group = new ThreadGroup(USER_THREADS, "cell");
        Thread thread = new Thread(group, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                flagAtEnd[0] = Thread.currentThread().isInterrupted();
            }
        }, "cnnlab-cell", STACK_SIZE);
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        running = group;
        thread.start();
        try {
            thread.join();
        } finally {
            running = null;
        }
        if (stopped || isDeath(failure[0])
                || (cellInterrupted && (flagAtEnd[0] || causedByInterrupt(failure[0])))) {
            // Killed, or it ended because of the interrupt and left the flag set (as cnn-api's training does)
            // or threw InterruptedException: reported as interrupted. Had it cleared the flag and returned
            // normally, its result stands.
            stopped = true;
            throw new StoppedException();
        }
        if (failure[0] instanceof InvocationTargetException ite) {
            throw ite;
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new InvocationTargetException(failure[0]);
        }
        lastValue = result[0];
        return valueString(result[0]);
    }

    @SuppressWarnings("removal")
    private static boolean isDeath(Throwable t) {
        return t instanceof ThreadDeath || (t instanceof InvocationTargetException && t.getCause() instanceof ThreadDeath);
    }

    private static boolean causedByInterrupt(Throwable t) {
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /** A new cell starts: forget an interrupt that came for the previous one, or while idle. */
    void beginCell() {
        cellInterrupted = false;
        stopped = false;
    }

    /** True once the current cell was interrupted: its remaining snippets must not run. */
    boolean cellInterrupted() {
        return cellInterrupted;
    }

    /**
     * Interrupts the running snippet's threads and returns at once; if the snippet is still running after
     * {@link #GRACE_MILLIS}, a helper thread stops them. Callable from any thread.
     */
    void interrupt() {
        cellInterrupted = true;
        ThreadGroup group = running;
        if (group == null) {
            return;
        }
        for (Thread t : threadsOf(group)) {
            t.interrupt();
        }
        Thread enforcer = new Thread(() -> stopAfterGrace(group), "cnnlab-interrupt");
        enforcer.setDaemon(true);
        enforcer.start();
    }

    private void stopAfterGrace(ThreadGroup group) {
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        try {
            while (running == group && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            return;
        }
        if (running == group) {
            stop(group);
        }
    }

    /** Kills the running snippet's threads at once (JShell's own stop request). */
    @Override
    public void stop() {
        cellInterrupted = true;
        ThreadGroup group = running;
        if (group != null) {
            stop(group);
        }
    }

    /**
     * Thread.stop: deprecated, working up to Java 19; only after the cooperative interrupt failed. Where it
     * throws (Java 20 and later) nothing can end the snippet's threads: the user is told to restart.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private void stop(ThreadGroup group) {
        boolean unstoppable = false;
        if (running == group) {
            stopped = true;
        }
        for (Thread t : threadsOf(group)) {
            try {
                t.stop();
            } catch (UnsupportedOperationException e) {
                unstoppable = true;
            }
        }
        if (unstoppable && running == group) {
            stopped = false;
            notices.println(unstoppableNotice(Runtime.version().feature()));
        }
    }

    static String unstoppableNotice(int javaVersion) {
        return "Interrupt failed: this cell ignores interrupts, and Java " + javaVersion + " cannot stop a thread "
                + "by force (Thread.stop stopped working in Java 20). It keeps running, and cells you run now wait "
                + "behind it. Restart the kernel to end it (Kernel > Restart); variables will be lost. "
                + "To make code stoppable, check Thread.interrupted() in long loops.";
    }

    private static Thread[] threadsOf(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        return java.util.Arrays.copyOf(threads, n);
    }

    /** The object the last snippet returned: what an expression cell shows. */
    Object lastValue() {
        return lastValue;
    }

    /** True once, after a snippet was stopped; resets the flag. */
    boolean takeStopped() {
        boolean was = stopped;
        stopped = false;
        return was;
    }

    /** True while a snippet runs. */
    boolean busy() {
        return running != null;
    }
}
