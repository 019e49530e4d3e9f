package org.cnnlab.kernel.eval;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM, so that their values are real objects the kernel can render, each on a fresh
 * thread in a fresh thread group so that {@link #stop()} can kill it and whatever it started. Redefines
 * classes in place through {@link RedefineAgent} when it can, which keeps variables' values when JShell
 * recompiles a snippet after an import or a change of a method it uses.
 */
final class KernelExecutionControl extends DirectExecutionControl {
    /** Parent of every thread group user code runs in; {@link ExitGuard} recognises user threads by it. */
    static final ThreadGroup USER_THREADS = new ThreadGroup("cnnlab-user-code");
    private static final long STACK_SIZE = 64L * 1024 * 1024;

    private volatile ThreadGroup running;
    private volatile boolean stopped;
    private volatile Object lastValue;

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
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        ThreadGroup group = new ThreadGroup(USER_THREADS, "cell");
        Thread thread = new Thread(group, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
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
        if (stopped || isDeath(failure[0])) {
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

    /** Kills the running snippet's threads (Thread.stop: deprecated, still working on Java 17). */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        ThreadGroup group = running;
        if (group == null) {
            return;
        }
        stopped = true;
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            threads[i].stop();
        }
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
