package org.cnnlab.kernel.eval;

import java.util.List;

/** The cell does not compile; the traceback points at the offending code. */
public final class CompileErrorException extends CellFailure {
    CompileErrorException(String firstMessage, List<String> traceback) {
        super("CompileError", firstMessage, traceback);
    }
}
