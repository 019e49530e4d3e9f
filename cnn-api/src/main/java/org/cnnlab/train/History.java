package org.cnnlab.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.render.Display;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.train.charts.HistoryPlot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Everything a network's training did, kept with the network: the loss of every batch (the noisy curve
 * that shows learning as it happens) and one {@link EpochResult row per epoch} (training and validation
 * loss and accuracy, time, speed). Every {@code fit(...).run()} on the same network appends here, so a
 * training continued after an interrupt reads as one story.
 *
 * <p>How to read it: training loss should fall; validation loss falling with it means the network is
 * learning things that carry over to new images. Validation loss rising while training loss still falls is
 * <em>overfitting</em>: the network starts memorising its training images.
 *
 * <p>{@link #table()} is the per-epoch table, {@link #batchTable()} the per-batch one, {@link #plot()} the
 * curves; shown in a notebook it is the table and the curves together.
 */
public final class History implements Displayable {
    private final List<EpochResult> epochs = new ArrayList<>();
    private float[] losses = new float[1024];
    private float[] positions = new float[1024];
    private float[] accuracies = new float[1024];
    private int batches;
    private String ending = "not trained yet";
    private boolean interrupted;
    /**
     * The epoch being run: its batches are counted here the moment each one ends, and however the run ends
     * (completed, stopped, forced, failed) it becomes a row, so no batch is ever left outside an epoch.
     */
    private OpenEpoch open;

    /** An empty history, for a network that has not been trained. */
    public static History empty() {
        return new History();
    }

    private History() {
    }

    /** Starts counting epoch {@code epoch}; it becomes a row of {@link #epochs()} when it ends, if it ran a batch. */
    synchronized void openEpoch(int epoch, int planned) {
        closeEpoch(Double.NaN, Double.NaN);
        open = new OpenEpoch(epoch, planned, System.nanoTime());
    }

    /** Records a finished batch in the batch curve and in the open epoch, in one step. */
    synchronized void addBatch(BatchResult b) {
        appendBatch((b.epoch() - 1) + (float) b.batch() / b.batches(), b.loss(), (float) b.accuracy());
        if (open == null || open.epoch != b.epoch()) {
            openEpoch(b.epoch(), b.batches());
        }
        open.add(b);
    }

    /** Ends the open epoch with its validation numbers (NaN for none) and returns its row, or null when it ran no batch. */
    synchronized EpochResult closeEpoch(double validationLoss, double validationAccuracy) {
        OpenEpoch e = open;
        open = null;
        if (e == null || e.batches == 0) {
            return null;
        }
        EpochResult row = e.row(validationLoss, validationAccuracy);
        epochs.add(row);
        return row;
    }

    synchronized void end(String how, boolean byInterrupt) {
        this.ending = how;
        this.interrupted = byInterrupt;
    }

    /**
     * One row per finished epoch, oldest first; an epoch cut short by a stop or an error is finished with the
     * batches it ran. The epoch running now joins when it ends, so a live chart shows whole epochs only.
     */
    public synchronized List<EpochResult> epochs() {
        return List.copyOf(epochs);
    }

    /** Epochs run so far, the last possibly cut short by a stop or an interrupt. */
    public synchronized int epochCount() {
        return epochs.size();
    }

    /** The most recent epoch; fails clearly when there is none yet. */
    public synchronized EpochResult last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("This history has no epochs yet: train first, e.g. net.fit(data.train()).run().");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The mean loss of every batch, in training order. */
    public synchronized float[] batchLosses() {
        return Arrays.copyOf(losses, batches);
    }

    /**
     * Where each batch falls, measured in epochs: batch {@code b} of {@code B} in epoch {@code e} is at
     * {@code e - 1 + b / B}, so batch and epoch curves share one x axis.
     */
    public synchronized float[] batchPositions() {
        return Arrays.copyOf(positions, batches);
    }

    /** The accuracy (0..1) of every batch, measured on its outputs before its weight update. */
    public synchronized float[] batchAccuracies() {
        return Arrays.copyOf(accuracies, batches);
    }

    public synchronized int batchCount() {
        return batches;
    }

    /** True when the last run was stopped by an interrupt (a notebook's stop button), cooperative or forced. */
    public synchronized boolean interrupted() {
        return interrupted;
    }

    /** How the last run ended, e.g. {@code completed 5 epochs} or {@code stopped by interrupt in epoch 3 after batch 37 of 469}. */
    public synchronized String status() {
        return ending;
    }

    /**
     * The per-epoch table: {@code epoch, batches, loss, accuracy, val_loss, val_accuracy, seconds,
     * images_per_second}.
     */
    public synchronized Table table() {
        IntColumn epoch = IntColumn.create("epoch");
        IntColumn ran = IntColumn.create("batches");
        DoubleColumn loss = DoubleColumn.create("loss");
        DoubleColumn acc = DoubleColumn.create("accuracy");
        DoubleColumn vLoss = DoubleColumn.create("val_loss");
        DoubleColumn vAcc = DoubleColumn.create("val_accuracy");
        DoubleColumn secs = DoubleColumn.create("seconds");
        DoubleColumn speed = DoubleColumn.create("images_per_second");
        for (EpochResult e : epochs) {
            epoch.append(e.epoch());
            ran.append(e.batches());
            loss.append(round(e.loss(), 4));
            acc.append(round(e.accuracy(), 4));
            appendOrMissing(vLoss, round(e.validationLoss(), 4));
            appendOrMissing(vAcc, round(e.validationAccuracy(), 4));
            secs.append(round(e.seconds(), 2));
            speed.append(Math.round(e.imagesPerSecond()));
        }
        return Table.create("training history", epoch, ran, loss, acc, vLoss, vAcc, secs, speed);
    }

    /** One row per batch: {@code step, epoch, position, loss}. */
    public synchronized Table batchTable() {
        LongColumn step = LongColumn.create("step");
        FloatColumn pos = FloatColumn.create("position");
        FloatColumn loss = FloatColumn.create("loss");
        for (int i = 0; i < batches; i++) {
            step.append(i + 1);
            pos.append(positions[i]);
            loss.append(losses[i]);
        }
        IntColumn epoch = IntColumn.create("epoch");
        for (int i = 0; i < batches; i++) {
            epoch.append((int) Math.ceil(positions[i]));
        }
        return Table.create("loss per batch", step, epoch, pos, loss);
    }

    /** The curves: batch loss with a smoothed line, epoch loss and accuracy, training and validation. */
    public HistoryPlot plot() {
        return HistoryPlot.of(this);
    }

    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle table = Display.bundleOf(table());
        if (batchCount() == 0) {
            return MimeBundle.text(toString());
        }
        MimeBundle picture = plot().toMimeBundle();
        return MimeBundle.text(toString()).withHtml("<div>" + TextFormat.escape(summaryLine()) + "</div>"
                + table.get(MimeBundle.HTML)).withPng(picture.png(), plot().width(), plot().height());
    }

    /** A summary line, then the table. */
    @Override
    public synchronized String toString() {
        if (epochCount() == 0) {
            return "History: " + ending;
        }
        return summaryLine() + "\n" + table().printAll();
    }

    private synchronized String summaryLine() {
        EpochResult e = epochCount() == 0 ? null : last();
        String head = "History: " + epochCount() + (epochCount() == 1 ? " epoch, " : " epochs, ") + batches
                + " batches; " + ending;
        if (e == null) {
            return head;
        }
        return head + ". Last epoch: loss " + String.format("%.4f", e.loss()) + ", accuracy "
                + TextFormat.percent(e.accuracy())
                + (e.hasValidation() ? ", validation loss " + String.format("%.4f", e.validationLoss())
                        + ", validation accuracy " + TextFormat.percent(e.validationAccuracy()) : "") + ".";
    }

    private static double round(double v, int digits) {
        if (Double.isNaN(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static void appendOrMissing(DoubleColumn c, double v) {
        if (Double.isNaN(v)) {
            c.appendMissing();
        } else {
            c.append(v);
        }
    }

    /** A history read back from a saved model file (see {@link HistoryText}). */
    static History restore(List<EpochResult> epochs, float[] positions, float[] losses, float[] accuracies,
                           String ending, boolean interrupted) {
        History h = new History();
        h.epochs.addAll(epochs);
        for (int i = 0; i < positions.length; i++) {
            h.appendBatch(positions[i], losses[i], accuracies[i]);
        }
        h.ending = ending;
        h.interrupted = interrupted;
        return h;
    }

    private void appendBatch(float position, float loss, float accuracy) {
        if (batches == losses.length) {
            losses = Arrays.copyOf(losses, batches * 2);
            positions = Arrays.copyOf(positions, batches * 2);
            accuracies = Arrays.copyOf(accuracies, batches * 2);
        }
        positions[batches] = position;
        losses[batches] = loss;
        accuracies[batches] = accuracy;
        batches++;
    }
}
