package org.cnnlab.kernel.protocol;

import java.util.Optional;

/** How a cell ended: with an optional result to show, or with an error. */
public sealed interface ExecuteOutcome {
    record Success(Optional<DisplayData> result) implements ExecuteOutcome {}

    record Failure(ErrorReport error) implements ExecuteOutcome {}

    static ExecuteOutcome nothing() {
        return new Success(Optional.empty());
    }
}
