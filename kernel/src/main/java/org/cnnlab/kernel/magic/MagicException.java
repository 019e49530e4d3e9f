package org.cnnlab.kernel.magic;

/** A magic could not do its job (unknown magic, missing file, unresolvable artifact); the message says why. */
public final class MagicException extends Exception {
    public MagicException(String message) {
        super(message);
    }
}
