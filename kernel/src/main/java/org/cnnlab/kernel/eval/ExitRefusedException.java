package org.cnnlab.kernel.eval;

import java.util.List;

/**
 * A cell that calls {@code System.exit} was not run: the JVM cannot block the call itself (Java 24 and later
 * have no SecurityManager), so {@link ExitCalls} found it in the source. Named as Java 17's guard names it.
 */
final class ExitRefusedException extends CellFailure {
    ExitRefusedException(String call) {
        super(ExitNotAllowedException.class.getName(), ExitNotAllowedException.message(call),
                List.of(ExitNotAllowedException.class.getName() + ": " + ExitNotAllowedException.message(call),
                        "The cell was not run: " + call + " would end the kernel, and Java "
                                + Runtime.version().feature() + " cannot stop it once called."));
    }
}
