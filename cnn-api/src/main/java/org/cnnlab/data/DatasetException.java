package org.cnnlab.data;

/**
 * A dataset could not be found, fetched or read. The message always says three things: what was found
 * (the file and what is wrong with it), what was expected, and what to do about it. Nothing half-loaded
 * ever escapes alongside this exception: a loader either returns a whole dataset or throws.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
