package org.cnnlab.geometry;

/**
 * How a filter or pooling window slides along one axis: its size F, its stride S, and the zero padding P
 * added on each side. The output size along that axis is {@code (N - F + 2P) / S + 1}, and only when the
 * division is exact does every input row take part (see {@link SizeRule}).
 */
public record Window(int size, int stride, int pad) {

    /** A window of the given size moving one step at a time with no padding. */
    public static Window of(int size) {
        return new Window(size, 1, 0);
    }

    public Window withStride(int newStride) {
        return new Window(size, newStride, pad);
    }

    public Window withPad(int newPad) {
        return new Window(size, stride, newPad);
    }

    /** {@code 5}, {@code 5 stride 2}, {@code 5 pad 2}… as a student would say it. */
    public String describe() {
        return size + (stride != 1 ? " stride " + stride : "") + (pad != 0 ? " pad " + pad : "");
    }
}
