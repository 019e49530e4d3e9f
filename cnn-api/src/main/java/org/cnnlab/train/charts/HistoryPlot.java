package org.cnnlab.train.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.render.Png;
import org.cnnlab.train.EpochResult;
import org.cnnlab.train.History;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training curves of a {@link History}, two charts side by side on one x axis measured in epochs:
 * <ul>
 *   <li><b>Loss</b>: every batch's loss (pale, noisy: each batch is a different sample), a smoothed line
 *       through it (an exponential moving average, bias-corrected as TensorBoard does), each epoch's mean
 *       training loss (plotted mid-epoch, since it averages the whole epoch) and the validation loss
 *       (measured at the epoch's end).</li>
 *   <li><b>Accuracy</b>: the smoothed batch accuracy, each epoch's training accuracy and the validation
 *       accuracy, in percent.</li>
 * </ul>
 * A gap between the training and validation curves that keeps widening is overfitting. The XChart charts
 * are exposed ({@link #lossChart()}, {@link #accuracyChart()}) for styling or saving on their own.
 */
public final class HistoryPlot implements Displayable {
    /** At most this many raw batch points are drawn; the smoothed line always uses every batch. */
    static final int MAX_POINTS = 1500;

    private final XYChart loss;
    private final XYChart accuracy;

    private HistoryPlot(XYChart loss, XYChart accuracy) {
        this.loss = loss;
        this.accuracy = accuracy;
    }

    /** The curves at the default size, 1000 x 380. */
    public static HistoryPlot of(History history) {
        return of(history, 1000, 380);
    }

    /** The curves in a picture of {@code width x height} (each chart half the width). */
    public static HistoryPlot of(History history, int width, int height) {
        float[] losses = history.batchLosses();
        if (losses.length == 0) {
            throw new IllegalStateException("Nothing to plot yet: this history has no batches. Train first, e.g. "
                    + "net.fit(data.train()).run().");
        }
        float[] positions = history.batchPositions();
        List<EpochResult> epochs = history.epochs();
        double[] x = toDouble(positions);
        XYChart loss = ChartStyle.xyChart("Loss", "epoch", "cross-entropy loss", width / 2, height);
        line(loss, "batch loss", x, toDouble(losses), ChartStyle.LIGHT_BLUE, 1f);
        line(loss, "smoothed", x, Smoothing.ema(losses), ChartStyle.BLUE, 2.2f);
        epochSeries(loss, epochs, false);
        XYChart acc = ChartStyle.xyChart("Accuracy", "epoch", "accuracy (%)", width / 2, height);
        acc.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        line(acc, "batch accuracy (smoothed)", x, percent(Smoothing.ema(history.batchAccuracies())), ChartStyle.BLUE,
                2.2f);
        epochSeries(acc, epochs, true);
        double end = Math.max(1, Math.ceil(positions[positions.length - 1] - 1e-6));
        for (XYChart c : new XYChart[] {loss, acc}) {
            c.getStyler().setXAxisMin(0.0);
            c.getStyler().setXAxisMax(end);
            c.getStyler().setXAxisDecimalPattern(end <= 4 ? "0.#" : "0");
        }
        // XChart puts a tick at every x value when all x values are equally spaced, as batch positions are:
        // dozens of overlapping labels. One invisible point off that grid makes it choose round ticks.
        offGrid(loss, end, losses[0]);
        offGrid(acc, end, 100 * history.batchAccuracies()[0]);
        loss.getStyler().setYAxisMin(0.0);
        acc.getStyler().setYAxisDecimalPattern("0");
        return new HistoryPlot(loss, acc);
    }

    public XYChart lossChart() {
        return loss;
    }

    public XYChart accuracyChart() {
        return accuracy;
    }

    public int width() {
        return loss.getWidth() + accuracy.getWidth();
    }

    public int height() {
        return loss.getHeight();
    }

    /** Both charts painted side by side. */
    public BufferedImage image() {
        BufferedImage out = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(BitmapEncoder.getBufferedImage(loss), 0, 0, null);
        g.drawImage(BitmapEncoder.getBufferedImage(accuracy), loss.getWidth(), 0, null);
        g.dispose();
        return out;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return Png.bundle(image(), "training curves: loss and accuracy per epoch (" + width() + "x" + height() + ")");
    }

    private static void epochSeries(XYChart chart, List<EpochResult> epochs, boolean accuracy) {
        if (epochs.isEmpty()) {
            return;
        }
        double[] mid = new double[epochs.size()];
        double[] train = new double[epochs.size()];
        int validated = (int) epochs.stream().filter(EpochResult::hasValidation).count();
        double[] end = new double[validated];
        double[] val = new double[validated];
        int v = 0;
        for (int i = 0; i < epochs.size(); i++) {
            EpochResult e = epochs.get(i);
            mid[i] = e.epoch() - 1 + 0.5 * e.batches() / e.batchesPlanned();
            train[i] = accuracy ? 100 * e.accuracy() : e.loss();
            if (e.hasValidation()) {
                end[v] = e.epoch() - 1 + (double) e.batches() / e.batchesPlanned();
                val[v++] = accuracy ? 100 * e.validationAccuracy() : e.validationLoss();
            }
        }
        XYSeries t = chart.addSeries("training (epoch mean)", mid, train);
        t.setLineColor(ChartStyle.ORANGE);
        t.setMarkerColor(ChartStyle.ORANGE);
        t.setMarker(SeriesMarkers.CIRCLE);
        t.setLineStyle(new BasicStroke(1.8f));
        if (validated > 0) {
            XYSeries s = chart.addSeries("validation", end, val);
            s.setLineColor(ChartStyle.GREEN);
            s.setMarkerColor(ChartStyle.GREEN);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setLineStyle(new BasicStroke(1.8f));
        }
    }

    private static void offGrid(XYChart chart, double end, double y) {
        XYSeries s = chart.addSeries("off-grid", new double[] {end * 0.4142135}, new double[] {y});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setShowInLegend(false);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, sample(x), sample(y));
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** Every k-th point so that at most {@link #MAX_POINTS} remain. */
    static double[] sample(double[] v) {
        if (v.length <= MAX_POINTS) {
            return v;
        }
        int step = (v.length + MAX_POINTS - 1) / MAX_POINTS;
        double[] out = new double[(v.length + step - 1) / step];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i * step];
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double[] percent(double[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = 100 * v[i];
        }
        return d;
    }
}
