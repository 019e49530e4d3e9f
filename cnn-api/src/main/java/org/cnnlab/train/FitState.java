package org.cnnlab.train;

/**
 * A running fit as its listeners see it: where it is, the history so far, and the one thing a listener may
 * change, {@link #stop(String) whether to go on}. Asking to stop is a flag, not an exception: the loop
 * finishes the current batch, records the reason in the {@link History} and returns normally.
 */
public final class FitState {
    private final History history;
    private final int epochs;
    private final int batchesPerEpoch;
    private final int firstEpoch;
    private volatile String stopReason;

    FitState(History history, int epochs, int batchesPerEpoch, int firstEpoch) {
        this.history = history;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.firstEpoch = firstEpoch;
    }

    /** Asks the loop to stop at the next batch boundary; {@code reason} shows in the history. */
    public void stop(String reason) {
        this.stopReason = reason == null || reason.isBlank() ? "a listener asked to stop" : reason;
    }

    public boolean stopRequested() {
        return stopReason != null;
    }

    String stopReason() {
        return stopReason;
    }

    /** Everything recorded so far, this run's batches and epochs included. */
    public History history() {
        return history;
    }

    /** Epochs this run was asked for. */
    public int epochs() {
        return epochs;
    }

    /** The history's epoch number this run started at (1 for a fresh network). */
    public int firstEpoch() {
        return firstEpoch;
    }

    /** The history's epoch number of the last epoch this run will do if it is not stopped. */
    public int lastEpoch() {
        return firstEpoch + epochs - 1;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }
}
