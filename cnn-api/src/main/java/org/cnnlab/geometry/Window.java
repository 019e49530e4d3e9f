package org.cnnlab.geometry;

/**
 * How a filter or pooling window slides along one axis: its size F, its stride S, and the zero padding P
 * added on each side. The output size along that axis is {@code (N - F + 2P) / S + 1}, and only when the
 * division is exact does every input row take part (see {@link SizeRule}).
 *
 * @param floor true when the layer accepts, as PyTorch does silently, that the division is rounded down
 *              and the last rows the window cannot reach are skipped; false (the default) refuses that
 */
public record Window(int size, int stride, int pad, boolean floor) {

    /** A window that must fit exactly: the usual case. */
    public Window(int size, int stride, int pad) {
        this(size, stride, pad, false);
    }

    /** A window of the given size moving one step at a time with no padding. */
    public static Window of(int size) {
        return new Window(size, 1, 0);
    }

    public Window withStride(int newStride) {
        return new Window(size, newStride, pad, floor);
    }

    public Window withPad(int newPad) {
        return new Window(size, stride, newPad, floor);
    }

    /** The same window, rounding the output size down where it does not divide (see {@code Cnn.floorLikePyTorch()}). */
    public Window withFloor(boolean newFloor) {
        return new Window(size, stride, pad, newFloor);
    }

    /** {@code 5}, {@code 5 stride 2}, {@code 5 pad 2}… as a student would say it. */
    public String describe() {
        return size + (stride != 1 ? " stride " + stride : "") + (pad != 0 ? " pad " + pad : "")
                + (floor ? " floored" : "");
    }
}
