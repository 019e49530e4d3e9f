package org.cnnlab.train;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.engine.DjlNetwork;
import org.cnnlab.memory.MemoryCheck;
import org.cnnlab.train.progress.Progress;

/**
 * The loop behind {@link Fit#run()}: epochs of batches, listeners told after each, a stop check before
 * each. Kept free of anything that would slow a batch: the only per-batch work besides the {@link Session}'s
 * is a few additions and the listener calls.
 *
 * <p>However it ends, the history stays whole: each batch enters its epoch's row the moment it ends, a
 * stop (a listener's, an interrupt, or a forced {@code Thread.stop}) or an error closes the open row, and
 * the status says how and where it ended. The next run starts at the next epoch.
 */
final class TrainingLoop {
    private final Fit fit;
    private final Trainable trainable;
    private final History history;
    private final List<FitListener> listeners = new ArrayList<>();
    private final int batchesPerEpoch;
    private final long seed;
    private int epochNow;
    private int batchNow;
    private boolean validating;

    TrainingLoop(Fit fit) {
        this.fit = fit;
        this.trainable = fit.trainable();
        DjlNetwork net = trainable.djl();
        Compatibility.check(net, fit.train(), "training");
        if (fit.validationSet() != null) {
            Compatibility.check(net, fit.validationSet(), "validation");
        }
        MemoryCheck.training(net.spec(), Math.min(fit.batchSizeValue(), fit.train().size()),
                fit.optimizerChoice().stateSlots(), net.device());
        this.history = trainable.history();
        this.batchesPerEpoch = (fit.train().size() + fit.batchSizeValue() - 1) / fit.batchSizeValue();
        this.seed = fit.seedValue() != null ? fit.seedValue() : Seeds.shuffleSeed();
        listeners.addAll(fit.listeners());
        if (fit.progressShown()) {
            listeners.add(Progress.forCurrentHost());
        }
    }

    History run() {
        Session session = trainable.session(fit.optimizerChoice());
        history.closeEpoch(Double.NaN, Double.NaN); // one a run killed twice over left open, if any
        int first = history.epochCount() + 1;
        FitState state = new FitState(history, fit.epochCount(), batchesPerEpoch, first);
        listeners.forEach(l -> l.onStart(state));
        String stopped = null;
        try (BatchWorker worker = new BatchWorker()) {
            for (int e = first; e <= state.lastEpoch() && stopped == null; e++) {
                stopped = epoch(worker, session, state, e);
            }
            int done = history.epochCount() - first + 1;
            history.end(stopped != null ? stopped : "completed " + done + (done == 1 ? " epoch" : " epochs")
                    + (first > 1 ? " (epochs " + first + " to " + state.lastEpoch() + ")" : ""),
                    stopped != null && Thread.currentThread().isInterrupted());
        } catch (ThreadDeath death) {
            history.closeEpoch(Double.NaN, Double.NaN);
            history.end("stopped by force " + (validating ? "in epoch " + epochNow + " during validation, after all "
                    + batchNow + " batches" : where(state, epochNow, batchNow)), true);
            throw death;
        } catch (RuntimeException | Error e) {
            history.closeEpoch(Double.NaN, Double.NaN);
            history.end("failed in epoch " + epochNow + " after batch " + batchNow + ": " + e, false);
            throw e;
        } finally {
            listeners.forEach(l -> l.onEnd(state));
        }
        return history;
    }

    /** Runs epoch {@code e}; returns why it stopped early, or null when the fit goes on. */
    private String epoch(BatchWorker worker, Session session, FitState state, int e) {
        ImageDataset train = fit.train();
        int batchSize = fit.batchSizeValue();
        List<int[]> order = fit.shuffled() ? train.batches(batchSize, seed + 7919L * e) : train.batches(batchSize);
        session.plan(train, order);
        epochNow = e;
        batchNow = 0;
        history.openEpoch(e, batchesPerEpoch);
        String stop = null;
        for (int[] indices : order) {
            stop = stopCheck(state, e, batchNow);
            if (stop != null) {
                break;
            }
            float[] lc = worker.train(session, train, indices);
            if (lc != null) {
                batchNow++;
                BatchResult result = new BatchResult(e, batchNow, batchesPerEpoch, history.batchCount() + 1L,
                        indices.length, lc[0], (int) lc[1]);
                history.addBatch(result);
                for (FitListener l : listeners) {
                    l.onBatch(state, result);
                }
            }
            if (worker.forcedStop() != null) {
                throw worker.forcedStop();
            }
        }
        if (batchNow == 0) {
            history.closeEpoch(Double.NaN, Double.NaN);
            return stop;
        }
        double[] val = {Double.NaN, Double.NaN};
        if (stop == null && fit.validationSet() != null) {
            validating = true;
            Evaluation measured = session.validate(fit.validationSet(), Math.max(batchSize, Evaluator.BATCH));
            validating = false;
            if (measured == null) {
                stop = "stopped by interrupt in epoch " + e + " during validation, after all " + batchNow + " batches";
            } else {
                val = new double[] {measured.loss(), measured.accuracy()};
            }
        }
        EpochResult row = history.closeEpoch(val[0], val[1]);
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
            return e <= state.firstEpoch() ? "before its first batch" : "after epoch " + (e - 1);
        }
        return "in epoch " + e + " after batch " + b + " of " + batchesPerEpoch;
    }
}
