package org.cnnlab.train;

import ai.djl.engine.Engine;
import org.cnnlab.runtime.CnnLabRuntime;

/**
 * One call that makes runs repeatable: {@code Seeds.set(42)} before building a network seeds PyTorch's
 * random generator (the initial weights, dropout) and DJL's, and becomes the default seed of every later
 * {@code fit}'s shuffling. Two runs that call it with the same number, build the same network and fit the
 * same data on the CPU give identical loss curves.
 *
 * <p>Order matters: a network draws its initial weights when it is built, so seed <em>before</em>
 * {@code build()}. GPUs may still differ in the last digits between runs (some CUDA kernels are
 * nondeterministic).
 */
public final class Seeds {
    private static volatile Long seed;

    private Seeds() {}

    /** Seeds everything random in cnnlab and DJL/PyTorch. */
    public static void set(long seed) {
        CnnLabRuntime.init();
        // PyTorch's generator takes an int; fold a long's high bits in rather than dropping them.
        Engine.getEngine("PyTorch").setRandomSeed((int) (seed ^ (seed >>> 32)));
        Seeds.seed = seed;
    }

    /** The seed last given to {@link #set}, or null when none was. */
    public static Long current() {
        return seed;
    }

    /** The shuffling seed a fit uses when none is given: derived from {@link #set}'s, else from the clock. */
    static long shuffleSeed() {
        Long s = seed;
        return s != null ? s * 1_000_003L + 17 : System.nanoTime();
    }
}
