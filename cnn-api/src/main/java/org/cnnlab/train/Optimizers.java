package org.cnnlab.train;

/**
 * The rules that turn gradients into weight changes. Each batch, training measures how the loss changes
 * with every weight (the gradient {@code g}) and moves the weights a little against it.
 * <ul>
 *   <li><b>SGD</b>, stochastic gradient descent: {@code w -= lr * g}. Simple and well understood; needs a
 *       well-chosen learning rate (0.01 to 0.1 for small CNNs).</li>
 *   <li><b>SGD with momentum</b>: {@code v = momentum * v + g; w -= lr * v}. The velocity {@code v} smooths
 *       the noise of small batches and speeds along consistent directions; 0.9 is the usual momentum.</li>
 *   <li><b>Adam</b> (Kingma and Ba, 2014, <a href="https://arxiv.org/abs/1412.6980">arXiv:1412.6980</a>):
 *       keeps running averages of each weight's gradient and squared gradient and scales each step by them,
 *       so every weight gets its own step size. Forgiving: {@code 1e-3} works for most small networks.</li>
 * </ul>
 */
public final class Optimizers {
    private Optimizers() {}

    /** Plain SGD: {@code w -= lr * g}. */
    public static OptimizerChoice sgd(double learningRate) {
        return new OptimizerChoice(OptimizerChoice.Kind.SGD, learningRate, 0);
    }

    /** SGD with momentum (typically 0.9). */
    public static OptimizerChoice sgd(double learningRate, double momentum) {
        return new OptimizerChoice(OptimizerChoice.Kind.SGD, learningRate, momentum);
    }

    /** Adam with its usual betas (0.9, 0.999); {@code 1e-3} is a good first learning rate. */
    public static OptimizerChoice adam(double learningRate) {
        return new OptimizerChoice(OptimizerChoice.Kind.ADAM, learningRate, 0);
    }
}
