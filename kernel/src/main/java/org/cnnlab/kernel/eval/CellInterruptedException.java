package org.cnnlab.kernel.eval;

import java.util.List;

/** The user pressed stop; the kernel and every earlier result are still there. */
public final class CellInterruptedException extends CellFailure {
    CellInterruptedException() {
        super("Interrupted", "the cell was stopped",
                List.of("Interrupted: the cell was stopped. The kernel is still running and earlier variables "
                        + "keep their values."));
    }
}
