package org.cnnlab.train.progress;

import org.cnnlab.render.DisplayHandle;
import org.cnnlab.render.DisplayHost;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.train.BatchResult;
import org.cnnlab.train.EpochResult;
import org.cnnlab.train.FitListener;
import org.cnnlab.train.FitState;
import org.cnnlab.train.charts.HistoryPlot;

/**
 * Progress in a notebook: an HTML progress bar with the running numbers (redrawn once a second),
 * and the live loss and accuracy curves below it.
 *
 * <p>Drawing the curves costs tens of milliseconds on the training thread, so their rate is bounded by
 * their cost ({@link RedrawSchedule}): the first comes a fraction of a second after the start, then after
 * a redraw that took {@code d} the next waits {@code d / 0.01}, and at least a second. The budget is 1%,
 * not the 2% the whole live view may cost, because sending the picture
 * (base64 in a JSON message on the kernel's output thread) and rendering it take about as much CPU again
 * elsewhere, and on 2 cores that CPU is taken from training. {@link #drawSeconds()} reports what drawing
 * itself cost.
 */
final class NotebookProgress implements FitListener {
    static final double BUDGET = 0.01;
    private static final long BAR_INTERVAL = 1_000_000_000L;

    private final DisplayHost host;
    private DisplayHandle bar = DisplayHandle.NONE;
    private DisplayHandle chart;
    private long lastBar;
    private RedrawSchedule charts;
    private long drawNanos;
    private long start;

    NotebookProgress(DisplayHost host) {
        this.host = host;
    }

    @Override
    public void onStart(FitState state) {
        start = System.nanoTime();
        charts = new RedrawSchedule(start, BUDGET);
        bar = host.display(bar(state, null, 0));
    }

    @Override
    public void onBatch(FitState state, BatchResult b) {
        long now = System.nanoTime();
        if (now - lastBar >= BAR_INTERVAL) {
            lastBar = now;
            bar.update(bar(state, b, now));
        }
        if (charts.due(now)) {
            drawChart(state);
        }
    }

    @Override
    public void onEpoch(FitState state, EpochResult epoch) {
        // The first epoch's end draws the curve even if it came sooner than the schedule's first redraw:
        // the validation point just arrived, and later epochs may be a long wait.
        if (charts.due(System.nanoTime()) || chart == null && epoch.epoch() < state.lastEpoch()) {
            drawChart(state);
        }
    }

    @Override
    public void onEnd(FitState state) {
        bar.update(MimeBundle.text(state.history().status()).withHtml(html(100, state.history().status())));
        if (state.history().batchCount() > 0) {
            drawChart(state);
        }
    }

    /** Seconds spent drawing the curves so far. */
    double drawSeconds() {
        return drawNanos / 1e9;
    }

    private void drawChart(FitState state) {
        long t0 = System.nanoTime();
        MimeBundle picture = HistoryPlot.of(state.history(), 960, 330).toMimeBundle();
        if (chart == null) {
            chart = host.display(picture);
        } else {
            chart.update(picture);
        }
        long t1 = System.nanoTime();
        drawNanos += t1 - t0;
        charts.drew(t0, t1);
    }

    private MimeBundle bar(FitState state, BatchResult b, long now) {
        if (b == null) {
            return MimeBundle.text("training starts").withHtml(html(0, "training starts"));
        }
        int done = (b.epoch() - state.firstEpoch()) * b.batches() + b.batch();
        int total = state.epochs() * b.batches();
        double seconds = (now - start) / 1e9;
        String text = String.format("epoch %d/%d, batch %d/%d: loss %.4f, batch accuracy %.1f%%, %.0f s elapsed, "
                + "about %.0f s left", b.epoch(), state.lastEpoch(), b.batch(), b.batches(), b.loss(),
                100 * b.accuracy(), seconds, seconds / done * (total - done));
        return MimeBundle.text(text).withHtml(html(100.0 * done / total, text));
    }

    private static String html(double percent, String text) {
        return "<div style=\"font-family:sans-serif;font-size:13px\"><progress value=\"" + Math.round(percent)
                + "\" max=\"100\" style=\"width:420px;vertical-align:middle\"></progress> "
                + String.format("%.0f%%", percent) + " &nbsp; " + text.replace("&", "&amp;").replace("<", "&lt;")
                + "</div>";
    }
}
