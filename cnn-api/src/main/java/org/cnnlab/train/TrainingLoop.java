package org.cnnlab.train;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.train.progress.Progress;

/**
 * The loop behind {@link Fit#run()}: epochs of batches, listeners told after each, a stop check before
 * each. Kept free of anything that would slow a batch: the only per-batch work besides the {@link Session}'s
 * is a few additions and the listener calls.
 */
final class TrainingLoop {
    private final Fit fit;
    private final History history;
    private final List<FitListener> listeners = new ArrayList<>();
    private final int batchesPerEpoch;
    private final long seed;

    TrainingLoop(Fit fit) {
        this.fit = fit;
        Compatibility.check(fit.network(), fit.train(), "training");
        if (fit.validationSet() != null) {
            Compatibility.check(fit.network(), fit.validationSet(), "validation");
        }
        this.history = fit.network().history();
        this.batchesPerEpoch = (fit.train().size() + fit.batchSizeValue() - 1) / fit.batchSizeValue();
        this.seed = fit.seedValue() != null ? fit.seedValue() : Seeds.shuffleSeed();
        listeners.addAll(fit.listeners());
        if (fit.progressShown()) {
            listeners.add(Progress.forCurrentHost());
        }
    }

    History run() {
        Session session = Session.forRun(fit.network(), history, fit.optimizerChoice());
        int first = history.epochCount() + 1;
        FitState state = new FitState(history, fit.epochCount(), batchesPerEpoch, first);
        listeners.forEach(l -> l.onStart(state));
        String stopped = null;
        try {
            for (int e = first; e <= state.lastEpoch() && stopped == null; e++) {
                stopped = epoch(session, state, e);
            }
            int done = history.epochCount() - first + 1;
            history.end(stopped != null ? stopped : "completed " + done + (done == 1 ? " epoch" : " epochs")
                    + (first > 1 ? " (epochs " + first + " to " + state.lastEpoch() + ")" : ""),
                    stopped != null && Thread.currentThread().isInterrupted());
        } catch (RuntimeException | Error e) {
            history.end("failed in epoch " + (history.epochCount() + 1) + ": " + e, false);
            throw e;
        } finally {
            listeners.forEach(l -> l.onEnd(state));
        }
        return history;
    }

    /** Runs epoch {@code e}; returns why it stopped early, or null when the fit goes on. */
    private String epoch(Session session, FitState state, int e) {
        ImageDataset train = fit.train();
        int batchSize = fit.batchSizeValue();
        List<int[]> order = fit.shuffled() ? train.batches(batchSize, seed + 7919L * e) : train.batches(batchSize);
        session.plan(train, order);
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        int b = 0;
        String stop = null;
        for (int[] indices : order) {
            stop = stopCheck(state, e, b);
            if (stop != null) {
                break;
            }
            float[] lc = session.trainBatch(train, indices);
            b++;
            seen += indices.length;
            lossSum += (double) lc[0] * indices.length;
            correct += (long) lc[1];
            BatchResult result = new BatchResult(e, b, batchesPerEpoch, history.batchCount() + 1L, indices.length,
                    lc[0], (int) lc[1]);
            history.addBatch(result);
            for (FitListener l : listeners) {
                l.onBatch(state, result);
            }
        }
        if (b == 0) {
            return stop;
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double[] val = {Double.NaN, Double.NaN};
        if (stop == null && fit.validationSet() != null) {
            double[] measured = session.measure(fit.validationSet(), Math.max(batchSize, 256));
            if (measured == null) {
                stop = "stopped by interrupt in epoch " + e + " during validation, after all " + b + " batches";
            } else {
                val = measured;
            }
        }
        EpochResult row = new EpochResult(e, b, batchesPerEpoch, lossSum / seen, (double) correct / seen, val[0],
                val[1], (System.nanoTime() - start) / 1e9, seen / trainSeconds);
        history.addEpoch(row);
        for (FitListener l : listeners) {
            l.onEpoch(state, row);
        }
        return stop;
    }

    /** Why to stop before batch {@code b + 1} of epoch {@code e}, or null to go on. */
    private String stopCheck(FitState state, int e, int b) {
        if (Thread.currentThread().isInterrupted()) {
            return "stopped by interrupt " + where(state, e, b);
        }
        if (state.stopRequested()) {
            return "stopped " + where(state, e, b) + ": " + state.stopReason();
        }
        return null;
    }

    /** Where a stop happened, in words; built only when training stops, not on every batch. */
    private String where(FitState state, int e, int b) {
        if (b == 0) {
            return e == state.firstEpoch() ? "before its first batch" : "after epoch " + (e - 1);
        }
        return "in epoch " + e + " after batch " + b + " of " + batchesPerEpoch;
    }
}
