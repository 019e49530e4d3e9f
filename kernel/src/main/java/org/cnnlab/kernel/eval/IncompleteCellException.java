package org.cnnlab.kernel.eval;

import java.util.List;

/** The cell ends in the middle of a statement (an unclosed brace, a missing operand). */
public final class IncompleteCellException extends CellFailure {
    IncompleteCellException(String where) {
        super("IncompleteCode", "the cell ends before its last statement does",
                List.of("IncompleteCode: the cell ends before its last statement does (" + where
                        + "); close every brace and parenthesis."));
    }
}
