package org.cnnlab.train;

import java.util.Objects;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.engine.DjlNetwork;

/**
 * A DJL network together with what its training carries from one run to the next: the {@link History} (a
 * plain record of numbers) and the live optimizer {@link Session} (native memory, kept here and never in a
 * result). A {@code org.cnnlab.Network} holds one; training, evaluation and saving take it, so this package
 * needs nothing from {@code Network}.
 */
public final class Trainable implements AutoCloseable {
    private final DjlNetwork net;
    private final History history;
    private Session session;
    /** A loaded model's optimizer memory, until the next fit adopts it (same choice) or drops it. */
    private OptimizerMemory remembered;

    public Trainable(DjlNetwork net, History history) {
        this(net, history, null);
    }

    /** A network, its history and what its optimizer remembered when it was saved (may be null). */
    Trainable(DjlNetwork net, History history, OptimizerMemory remembered) {
        this.net = Objects.requireNonNull(net, "net");
        this.history = Objects.requireNonNull(history, "history");
        this.remembered = remembered;
    }

    /** A network that has not been trained. */
    public static Trainable fresh(DjlNetwork net) {
        return new Trainable(net, History.empty());
    }

    public DjlNetwork djl() {
        return net;
    }

    /** Everything this network's training did so far, including runs saved with it and loaded back. */
    public History history() {
        return history;
    }

    /** Starts describing a training run on {@code train}. */
    public Fit fit(ImageDataset train) {
        return new Fit(this, train);
    }

    /** The session for a run with {@code choice}: the kept one when the choice is the same, else a new one. */
    synchronized Session session(OptimizerChoice choice) {
        if (session != null && session.uses(choice)) {
            return session;
        }
        if (session != null) {
            session.close();
        }
        OptimizerMemory carried = remembered;
        remembered = null;
        session = new Session(net, choice, carried);
        return session;
    }

    /** What the optimizer remembers now, for saving: the live session's, else what was loaded; null if nothing. */
    synchronized OptimizerMemory optimizerMemory() {
        return session != null ? session.memory() : remembered;
    }

    @Override
    public synchronized void close() {
        if (remembered != null) {
            remembered.close();
            remembered = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
        net.close();
    }
}
