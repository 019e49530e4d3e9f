package org.cnnlab.kernel.protocol;

/** A message whose frames are not a Jupyter message (no delimiter, too few frames, bad JSON). */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
