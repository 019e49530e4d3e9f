package org.cnnlab.train;

/**
 * Watches a {@link Fit} as it runs: every method has a do-nothing default, so a listener implements only
 * what it needs, often as a lambda-sized class:
 * <pre>{@code
 * net.fit(train).epochs(20).listener(new FitListener() {
 *     public void onEpoch(FitState state, EpochResult epoch) {
 *         if (epoch.validationAccuracy() > 0.9) state.stop("reached 90%");   // early stopping
 *     }
 * }).run();
 * }</pre>
 * Callbacks run on the training thread between batches: keep them cheap, the loop waits for them. To end
 * training early, call {@link FitState#stop(String)}; the loop stops at the next batch boundary and the
 * {@link History} records why. Exceptions thrown here end the fit and propagate to the caller.
 */
public interface FitListener {
    /** Before the first batch. */
    default void onStart(FitState state) {
    }

    /** After every training batch (its weights already updated). */
    default void onBatch(FitState state, BatchResult batch) {
    }

    /** After every epoch, including its validation. */
    default void onEpoch(FitState state, EpochResult epoch) {
    }

    /** Once at the end, however the fit ended (completed, stopped, interrupted, or failed). */
    default void onEnd(FitState state) {
    }
}
