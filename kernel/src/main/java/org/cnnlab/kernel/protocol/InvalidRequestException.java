package org.cnnlab.kernel.protocol;

/**
 * A signed message whose header or content does not have the fields its type needs, with the types they
 * need. Its message says what was received and what to send instead; the client gets it as an error reply.
 */
public final class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
