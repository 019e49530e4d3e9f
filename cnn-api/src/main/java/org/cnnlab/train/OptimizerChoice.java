package org.cnnlab.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Objects;

/**
 * Which rule updates the weights after each batch, with its settings: a plain value made by
 * {@link Optimizers}, turned into DJL's {@link Optimizer} only when training starts. Being a value (with
 * {@code equals}) lets a continued {@code fit} keep the optimizer's memory (Adam's moving averages, SGD's
 * momentum) when the choice has not changed.
 */
public final class OptimizerChoice {
    /** The update rules cnnlab offers. */
    public enum Kind { SGD, ADAM }

    private final Kind kind;
    private final double learningRate;
    private final double momentum;

    OptimizerChoice(Kind kind, double learningRate, double momentum) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("The learning rate must be a positive number, e.g. 1e-3 for Adam or "
                    + "0.01 to 0.1 for SGD. Received: learningRate=" + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Momentum must be in [0, 1), typically 0.9. Received: momentum="
                    + momentum);
        }
        this.kind = kind;
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    public Kind kind() {
        return kind;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Numbers the optimizer keeps per parameter between steps: Adam's two moving averages, SGD's momentum buffer. */
    int stateSlots() {
        return kind == Kind.ADAM ? 2 : momentum > 0 ? 1 : 0;
    }

    /** SGD's momentum (0 for plain SGD); Adam keeps its own defaults (beta1 0.9, beta2 0.999). */
    public double momentum() {
        return momentum;
    }

    /** The same rule with another learning rate. */
    public OptimizerChoice withLearningRate(double rate) {
        return new OptimizerChoice(kind, rate, momentum);
    }

    /** A fresh DJL optimizer for this choice (fresh: no moving averages yet). */
    Optimizer toDjl() {
        Tracker rate = Tracker.fixed((float) learningRate);
        if (kind == Kind.ADAM) {
            return Optimizer.adam().optLearningRateTracker(rate).build();
        }
        return Optimizer.sgd().setLearningRateTracker(rate).optMomentum((float) momentum).build();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerChoice)) {
            return false;
        }
        OptimizerChoice c = (OptimizerChoice) o;
        return c.kind == kind && c.learningRate == learningRate && c.momentum == momentum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, learningRate, momentum);
    }

    @Override
    public String toString() {
        if (kind == Kind.ADAM) {
            return "Adam(lr=" + learningRate + ")";
        }
        return momentum == 0 ? "SGD(lr=" + learningRate + ")" : "SGD(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
