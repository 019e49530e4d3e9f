package org.cnnlab.kernel.protocol;

/** A message arrived unsigned or with a wrong signature; it is dropped, never handled. */
public final class SignatureRejectedException extends Exception {
    public SignatureRejectedException(String message) {
        super(message);
    }
}
