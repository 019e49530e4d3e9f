package org.cnnlab.kernel.eval;

import java.util.List;

/** The cell's code threw: {@code ename} is the real exception class, the traceback shows the cell's lines. */
public final class UserCodeException extends CellFailure {
    UserCodeException(String exceptionClass, String message, List<String> traceback) {
        super(exceptionClass, message, traceback);
    }
}
