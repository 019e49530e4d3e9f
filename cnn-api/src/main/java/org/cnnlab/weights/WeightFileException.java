package org.cnnlab.weights;

/** A weight file that cannot be read: damaged, of an unknown kind, or holding more than weights. */
public final class WeightFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
