package org.cnnlab.kernel.eval;

import java.util.List;

/** The user pressed stop; the kernel and every earlier result are still there. */
public final class CellInterruptedException extends CellFailure {
    public CellInterruptedException() {
        super("Interrupted", "The cell was interrupted; earlier variables are intact.",
                List.of("Interrupted: the cell was interrupted; earlier variables are intact. "
                        + "The kernel is still running."));
    }
}
