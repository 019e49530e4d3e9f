package org.cnnlab.weights;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One named array in a weight file: its shape and element type, read at once, and its numbers, read only
 * when asked (a VGG-16 file holds 528 MB, and a mismatch is reported before any of it is read).
 */
public final class StoredTensor {
    /** Reads the numbers of one tensor, as float32 in row-major (C) order. */
    interface Reader {
        float[] read(StoredTensor tensor);
    }

    private final String name;
    private final String type;
    private final long[] shape;
    private final Reader reader;

    StoredTensor(String name, String type, long[] shape, Reader reader) {
        this.name = name;
        this.type = type;
        this.shape = shape.clone();
        this.reader = reader;
    }

    /** The key in the file, e.g. {@code features.0.weight}. */
    public String name() {
        return name;
    }

    /** The element type as the file names it: {@code float32}, {@code F16}, {@code int64}… */
    public String type() {
        return type;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** How many numbers: the product of the shape. */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The numbers, converted to float32, in row-major order. */
    public float[] floats() {
        return reader.read(this);
    }

    /** {@code (64, 3, 11, 11)}: PyTorch's way of writing a shape. */
    public static String shapeText(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", shape.length == 1 ? ",)" : ")"));
    }

    @Override
    public String toString() {
        return name + " " + shapeText(shape) + " " + type;
    }
}
