package org.cnnlab.kernel.eval;

/** Thrown into a cell that called {@code System.exit}: the notebook's kernel must outlive its cells. */
public final class ExitNotAllowedException extends SecurityException {
    public ExitNotAllowedException(int status) {
        super("System.exit(" + status + ") is not allowed in a notebook; restart the kernel instead "
                + "(Kernel > Restart).");
    }
}
