package org.cnnlab.train.progress;

import org.cnnlab.render.DisplayHandle;
import org.cnnlab.render.DisplayHost;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.train.BatchResult;
import org.cnnlab.train.EpochResult;
import org.cnnlab.train.FitListener;
import org.cnnlab.train.FitState;

/**
 * Progress as one line of text, redrawn in place at most four times a second (a terminal overwrites it):
 * {@code epoch 2/5 [#########.........] 47%  loss 0.4213  acc 84.7%  11,950 img/s}. Each finished epoch
 * leaves its summary line behind.
 */
final class TextProgress implements FitListener {
    private static final long INTERVAL_NANOS = 250_000_000L;
    private static final int BAR = 24;

    private final DisplayHost host;
    private DisplayHandle handle = DisplayHandle.NONE;
    private long lastDraw;
    private long epochStart;
    private int images;
    private double lossSum;
    private long correct;
    private int width;

    TextProgress(DisplayHost host) {
        this.host = host;
    }

    @Override
    public void onStart(FitState state) {
        handle = host.display(MimeBundle.text("Training " + state.epochs() + (state.epochs() == 1 ? " epoch" : " epochs")
                + " of " + state.batchesPerEpoch() + " batches"));
        epochStart = System.nanoTime();
    }

    @Override
    public void onBatch(FitState state, BatchResult b) {
        if (b.batch() == 1) {
            // The epoch's clock started before this batch ran (onStart, or the previous epoch's end): taking
            // it here would divide the first batch's images by microseconds ("25,457,438 img/s").
            images = 0;
            lossSum = 0;
            correct = 0;
        }
        images += b.size();
        lossSum += (double) b.loss() * b.size();
        correct += b.correct();
        long now = System.nanoTime();
        if (now - lastDraw < INTERVAL_NANOS && b.batch() != b.batches()) {
            return;
        }
        lastDraw = now;
        int filled = BAR * b.batch() / b.batches();
        String line = String.format("epoch %d/%d [%s%s] %3d%%  loss %.4f  acc %.1f%%  %,.0f img/s", b.epoch(),
                state.lastEpoch(), "#".repeat(filled), ".".repeat(BAR - filled), 100 * b.batch() / b.batches(),
                lossSum / images, 100.0 * correct / images, images / ((now - epochStart) / 1e9));
        width = Math.max(width, line.length());
        handle.update(MimeBundle.text(line));
    }

    @Override
    public void onEpoch(FitState state, EpochResult e) {
        String line = String.format("epoch %d/%d done in %.1f s: loss %.4f, acc %.1f%%%s, %,.0f img/s", e.epoch(),
                state.lastEpoch(), e.seconds(), e.loss(), 100 * e.accuracy(), e.hasValidation()
                        ? String.format(", val loss %.4f, val acc %.1f%%", e.validationLoss(), 100 * e.validationAccuracy())
                        : "", e.imagesPerSecond());
        // A new display with a leading carriage return overwrites the progress line and ends it, so the
        // summary stays and the next epoch's progress starts on a fresh line.
        host.display(MimeBundle.text("\r" + pad(line)));
        epochStart = System.nanoTime();
    }

    @Override
    public void onEnd(FitState state) {
        host.display(MimeBundle.text("\r" + pad(state.history().status())));
    }

    private String pad(String line) {
        return line.length() >= width ? line : line + " ".repeat(width - line.length());
    }
}
