package org.cnnlab.weights;

import java.util.List;

/**
 * A weight file whose arrays do not fit the network they were to be loaded into, listing every one that
 * does not match by name and shape. Nothing has been loaded when it is thrown.
 */
public final class WeightMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> mismatches;

    WeightMismatchException(String message, List<String> mismatches) {
        super(message);
        this.mismatches = List.copyOf(mismatches);
    }

    /** One line per problem: a shape that differs, a name in the file the network lacks, or the reverse. */
    public List<String> mismatches() {
        return mismatches;
    }
}
