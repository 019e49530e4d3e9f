package org.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;

/**
 * An {@link OptimizerChoice} applied to a whole network at once: one update over the
 * {@linkplain FlatParameters flat array} of all its weights, with the flat gradient. DJL's own optimizers
 * update one parameter array at a time, each costing several engine calls and kernel launches (read the
 * gradient, copy it, update, zero it); here a step is one engine call, the same for LeNet-5's 10 arrays as for
 * VGG-16's 32.
 *
 * <p>The arithmetic is the engine's fused update, the one DJL applies per parameter, so the results equal
 * the per-parameter ones element by element:
 * <ul>
 *   <li>SGD: {@code g' = g + wd * w; v = momentum * v + lr * g'; w -= v} (plain SGD: {@code w -= lr * g'});
 *       the same as PyTorch's {@code torch.optim.SGD} with a constant learning rate.</li>
 *   <li>Adam: {@code g' = g + wd * w; m = b1 m + (1 - b1) g'; v = b2 v + (1 - b2) g'^2;
 *       w -= lr / (1 - b1^t) * m / (sqrt(v / (1 - b2^t)) + eps)}: PyTorch's {@code torch.optim.Adam}. (DJL
 *       adds {@code eps} before the bias correction instead of after; with {@code eps = 1e-8} the two differ
 *       by far less than float precision in all but vanishing gradients.)</li>
 * </ul>
 */
final class FlatOptimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    /** DJL's "no rescaling" and "no clipping" values for the fused update's extra knobs. */
    private static final float NO_RESCALE = 1f;
    private static final float NO_CLIP = -1f;

    private final OptimizerChoice choice;
    private final NDArray first;
    private final NDArray second;
    private int steps;

    /** Zeroed state (Adam's averages, SGD's velocity) shaped like {@code values}, kept in {@code manager}. */
    FlatOptimizer(OptimizerChoice choice, NDArray values, NDManager manager) {
        this(choice, values, manager, null);
    }

    /**
     * As above, but continuing from {@code remembered} (a reloaded model's optimizer) when it continues this
     * choice over these weights: its slots then move into {@code manager}. Otherwise it is closed and the state
     * starts at zero.
     */
    FlatOptimizer(OptimizerChoice choice, NDArray values, NDManager manager, OptimizerMemory remembered) {
        this.choice = choice;
        if (remembered != null && remembered.continues(choice, values.size())) {
            NDArray[] slots = remembered.slots();
            for (NDArray slot : slots) {
                slot.attach(manager);
            }
            this.first = slots.length > 0 ? slots[0] : null;
            this.second = slots.length > 1 ? slots[1] : null;
            this.steps = remembered.steps();
            return;
        }
        if (remembered != null) {
            remembered.close();
        }
        boolean adam = choice.kind() == OptimizerChoice.Kind.ADAM;
        this.first = adam || choice.momentum() > 0 ? state(values, manager) : null;
        this.second = adam ? state(values, manager) : null;
    }

    /** What this optimizer remembers now, for saving; the arrays stay this optimizer's (do not close it). */
    OptimizerMemory memory() {
        NDArray[] slots = second != null ? new NDArray[] {first, second}
                : first != null ? new NDArray[] {first} : new NDArray[0];
        return new OptimizerMemory(choice, steps, slots);
    }

    /** Moves {@code values} one step against {@code gradient} (same layout); one engine call. */
    void step(NDArray values, NDArray gradient) {
        steps++;
        NDArrayEx ex = values.getNDArrayInternal();
        float lr = (float) choice.learningRate();
        float decay = (float) choice.weightDecay();
        if (choice.kind() == OptimizerChoice.Kind.ADAM) {
            double correction1 = 1 - Math.pow(BETA1, steps);
            double correction2 = Math.sqrt(1 - Math.pow(BETA2, steps));
            // The engine computes w -= rate * m / (sqrt(v) + eps'). With rate = lr * sqrt(c2) / c1 and
            // eps' = eps * sqrt(c2) that is PyTorch's lr / c1 * m / (sqrt(v) / sqrt(c2) + eps).
            float rate = (float) (choice.learningRate() * correction2 / correction1);
            ex.adamUpdate(new NDList(values, gradient, first, second), new NDList(values), lr, rate, decay,
                    NO_RESCALE, NO_CLIP, BETA1, BETA2, (float) (EPSILON * correction2), true, false);
        } else {
            NDList in = first == null ? new NDList(values, gradient) : new NDList(values, gradient, first);
            ex.sgdUpdate(in, new NDList(values), lr, decay, NO_RESCALE, NO_CLIP, (float) choice.momentum(), true);
        }
    }

    /** Steps taken so far (Adam's {@code t}). */
    int steps() {
        return steps;
    }

    private static NDArray state(NDArray values, NDManager manager) {
        return manager.zeros(values.getShape(), values.getDataType(), values.getDevice());
    }
}
