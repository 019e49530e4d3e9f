package org.cnnlab.geometry;

/**
 * A network whose shapes do not work out: a filter that does not fit its input, a pool that does not tile,
 * a dense layer before {@code flatten()}, a size that is not positive. The message shows the arithmetic
 * with the real numbers, names the layer, and proposes the nearest fixes. Thrown while describing or
 * building a network, before anything is allocated, so nothing is lost.
 */
public class GeometryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public GeometryException(String message) {
        super(message);
    }
}
