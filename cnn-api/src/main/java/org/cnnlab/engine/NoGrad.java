package org.cnnlab.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A stretch of code that computes without recording gradients, for inference (evaluation, prediction,
 * feature maps). PyTorch keeps its "record gradients" switch per thread and a new thread starts with it
 * on; DJL turns it off only on the thread that loaded the engine. A notebook runs each cell on a thread of
 * its own, so without this every forward pass there would build an autograd graph it never uses — slower,
 * and holding every layer's output in memory until the result is freed.
 * <pre>{@code
 * try (NoGrad ignored = NoGrad.start()) {
 *     scores = block.forward(...);
 * }
 * }</pre>
 */
public final class NoGrad implements AutoCloseable {
    private final boolean restore;

    private NoGrad(boolean restore) {
        this.restore = restore;
    }

    /** Turns gradient recording off on this thread until {@link #close()} puts it back as it was. */
    public static NoGrad start() {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName()) || !JniUtils.isGradMode()) {
            return new NoGrad(false);
        }
        JniUtils.setGradMode(false);
        return new NoGrad(true);
    }

    @Override
    public void close() {
        if (restore) {
            JniUtils.setGradMode(true);
        }
    }
}
