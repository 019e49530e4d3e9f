package org.cnnlab.kernel.eval;

import java.util.List;

/** A method or class was called whose body still uses something not yet declared. */
public final class UnresolvedReferenceFailure extends CellFailure {
    UnresolvedReferenceFailure(String message) {
        super("UnresolvedReference", message, List.of("UnresolvedReference: " + message));
    }
}
