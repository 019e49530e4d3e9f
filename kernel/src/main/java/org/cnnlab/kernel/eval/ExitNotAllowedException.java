package org.cnnlab.kernel.eval;

/** Thrown into a cell that called {@code System.exit}: the notebook's kernel must outlive its cells. */
public final class ExitNotAllowedException extends SecurityException {
    public ExitNotAllowedException(int status) {
        super(message("System.exit(" + status + ")"));
    }

    static String message(String call) {
        return call + " is not allowed in a notebook; restart the kernel instead (Kernel > Restart).";
    }
}
