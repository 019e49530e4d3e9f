package org.cnnlab.weights;

/**
 * A tensor as a view of a storage: element {@code (i0, i1, …)} is {@code storage[offset + i0*stride0 + …]}.
 * PyTorch saves a tensor with its storage, which may be larger than it (a slice) or laid out in another
 * order (a transpose); this copies the view out in row-major order.
 */
final class Strided {
    private Strided() {}

    static float[] take(float[] storage, long offset, long[] size, long[] stride) {
        long n = 1;
        for (long d : size) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new WeightFileException("A tensor of " + n + " numbers is larger than cnnlab can hold in one array.");
        }
        if (n == 0) {
            return new float[0];
        }
        if (contiguous(size, stride)) {
            float[] out = new float[(int) n];
            check(storage, offset + n - 1);
            System.arraycopy(storage, (int) offset, out, 0, (int) n);
            return out;
        }
        float[] out = new float[(int) n];
        long[] index = new long[size.length];
        for (int k = 0; k < n; k++) {
            long at = offset;
            for (int d = 0; d < size.length; d++) {
                at += index[d] * stride[d];
            }
            check(storage, at);
            out[k] = storage[(int) at];
            for (int d = size.length - 1; d >= 0 && ++index[d] == size[d]; d--) {
                index[d] = 0;
            }
        }
        return out;
    }

    /** Row-major with no gaps: the last dimension steps by 1, each earlier one by the product of those after it. */
    private static boolean contiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    private static void check(float[] storage, long at) {
        if (at < 0 || at >= storage.length) {
            throw new WeightFileException("A tensor reaches element " + at + " of a storage of " + storage.length
                    + ": the file is damaged.");
        }
    }
}
