package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cnnlab.Network;
import org.cnnlab.train.charts.ConfusionMatrixChart;
import org.cnnlab.train.charts.HistoryPlot;
import org.cnnlab.train.charts.MisclassifiedGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The training pictures hold the data they claim to, and paint it where they say. */
class ChartsTest {
    static Network net;
    static History history;

    @BeforeAll
    static void train() {
        Seeds.set(5);
        net = FitTest.leNet();
        history = net.fit(FitTest.DATA.train()).epochs(3).validation(FitTest.DATA.test()).progress(false).run();
    }

    @AfterAll
    static void close() {
        net.close();
    }

    /** Writes a picture under target/ so a person can look at it. */
    static void keep(BufferedImage image, String name) throws IOException {
        Path dir = Path.of("target", "pictures");
        Files.createDirectories(dir);
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }

    @Test
    void historyPlotSeriesAreTheHistorysNumbers() throws IOException {
        HistoryPlot plot = history.plot();
        XYChart loss = plot.lossChart();
        double[] batch = loss.getSeriesMap().get("batch loss").getYData();
        float[] losses = history.batchLosses();
        assertEquals(losses.length, batch.length);
        for (int i = 0; i < losses.length; i++) {
            assertEquals(losses[i], batch[i], 1e-6);
        }
        double[] val = loss.getSeriesMap().get("validation").getYData();
        double[] valX = loss.getSeriesMap().get("validation").getXData();
        assertArrayEquals(new double[] {1, 2, 3}, valX, 1e-9);
        for (int e = 0; e < 3; e++) {
            assertEquals(history.epochs().get(e).validationLoss(), val[e], 1e-9);
        }
        double[] trainX = plot.accuracyChart().getSeriesMap().get("training (epoch mean)").getXData();
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, trainX, 1e-9);
        assertEquals(100 * history.epochs().get(2).accuracy(),
                plot.accuracyChart().getSeriesMap().get("training (epoch mean)").getYData()[2], 1e-9);
        BufferedImage image = plot.image();
        keep(image, "history.png");
        assertEquals(1000, image.getWidth());
        assertTrue(count(image, new Color(0xff7f0e)) > 30, "epoch markers painted in orange");
        assertTrue(count(image, new Color(0x2ca02c)) > 30, "validation painted in green");
    }

    @Test
    void smoothingIsABiasCorrectedMovingAverage() {
        double[] flat = org.cnnlab.train.charts.Smoothing.ema(new float[] {2, 2, 2, 2});
        assertArrayEquals(new double[] {2, 2, 2, 2}, flat, 1e-9, "no pull towards zero at the start");
    }

    @Test
    void confusionCellsArePaintedWithTheirShareOfTheRow() throws IOException {
        int[][] counts = {{8, 2, 0}, {0, 5, 5}, {1, 0, 9}};
        ConfusionMatrixChart chart = ConfusionMatrixChart.of(counts, List.of("cat", "dog", "bird"), "Test matrix");
        BufferedImage image = chart.image();
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                Rectangle r = chart.cellBounds(t, p);
                int rgb = image.getRGB(r.x + 3, r.y + 3) & 0xffffff;
                assertEquals(ConfusionMatrixChart.colour(counts[t][p] / 10.0).getRGB() & 0xffffff, rgb, t + "," + p);
            }
        }
        keep(chart.image(), "confusion-small.png");
        keep(new EvaluationHolder().chart(), "confusion.png");
    }

    @Test
    void misclassifiedGridShowsTheImagesItNames() throws IOException {
        Evaluation eval = net.evaluate(FitTest.DATA.test());
        MisclassifiedGrid grid = eval.misclassifiedPicture(16);
        assertEquals(Math.min(16, eval.misclassified().length), grid.indices().length);
        BufferedImage image = grid.image();
        keep(image, "misclassified.png");
        int first = grid.indices()[0];
        assertTrue(eval.predictions()[first] != FitTest.DATA.test().label(first));
        assertTrue(grid.toMimeBundle().plainText().contains("#" + first + ": true " + FitTest.DATA.test().className(first)));
    }

    private static int count(BufferedImage image, Color colour) {
        int n = 0;
        int want = colour.getRGB() & 0xffffff;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == want) {
                    n++;
                }
            }
        }
        return n;
    }

    private static final class EvaluationHolder {
        BufferedImage chart() {
            return net.evaluate(FitTest.DATA.test()).confusionChart().image();
        }
    }
}
