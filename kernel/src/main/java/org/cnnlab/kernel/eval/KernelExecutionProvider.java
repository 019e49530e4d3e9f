package org.cnnlab.kernel.eval;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one in-process execution engine the evaluator holds on to. */
final class KernelExecutionProvider implements ExecutionControlProvider {
    private final KernelExecutionControl control;

    KernelExecutionProvider(KernelExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "cnnlab";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
