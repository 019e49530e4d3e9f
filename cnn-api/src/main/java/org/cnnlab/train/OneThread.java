package org.cnnlab.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * A stretch of small element-wise work (a batch's conversion, the optimizer step) that PyTorch runs on the
 * calling thread alone instead of its thread team:
 * <pre>{@code
 * try (OneThread ignored = OneThread.when(values.size())) {
 *     optimizer.step(values, gradient);
 * }
 * }</pre>
 * Each parallel operation wakes the team and waits for it. For arrays of a few hundred thousand numbers that
 * costs more than the arithmetic, and on a machine whose cores are busy with other work a wake-up can take
 * milliseconds: measured here, the flat LeNet-5 Adam step took 18.7 ms with two threads among other
 * programs, against 1.9 ms for PyTorch's per-parameter step, whose arrays are each too small to be split.
 * Only CPU threads are affected; on a GPU the work runs there either way.
 */
final class OneThread implements AutoCloseable {
    /** Above this many numbers an operation is long enough to be worth splitting between threads. */
    static final long SMALL = 1 << 20;
    private static final OneThread NOTHING = new OneThread(0);

    private final int restore;

    private OneThread(int restore) {
        this.restore = restore;
    }

    /** One thread while work of {@code elements} numbers runs, when that is small; else nothing changes. */
    static OneThread when(long elements) {
        if (elements > SMALL) {
            return NOTHING;
        }
        int threads = JniUtils.getNumThreads();
        if (threads <= 1) {
            return NOTHING;
        }
        JniUtils.setNumThreads(1);
        return new OneThread(threads);
    }

    @Override
    public void close() {
        if (restore > 1) {
            JniUtils.setNumThreads(restore);
        }
    }
}
