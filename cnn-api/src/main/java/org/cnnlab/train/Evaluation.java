package org.cnnlab.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.render.Display;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.cnnlab.train.charts.ConfusionMatrixChart;
import org.cnnlab.train.charts.MisclassifiedGrid;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How well a trained network classifies a dataset, made by {@code net.evaluate(data)}: for every image the
 * true class and the predicted one (the class with the highest score), and from them:
 * <ul>
 *   <li><b>accuracy</b>: the fraction predicted right;</li>
 *   <li>the <b>confusion matrix</b> {@code C}: {@code C[t][p]} counts images of true class {@code t}
 *       predicted as {@code p}. The diagonal holds the right answers (so accuracy = trace / total), a row
 *       sums to that class's image count, and a large off-diagonal cell names a pair of classes the network
 *       mixes up (on Fashion-MNIST: shirts and T-shirts);</li>
 *   <li><b>per-class accuracy</b> (a class's diagonal cell over its row sum, also called recall), which an
 *       overall accuracy can hide;</li>
 *   <li>the <b>misclassified</b> images, worth looking at: some are genuinely ambiguous, some mislabelled.</li>
 * </ul>
 */
public final class Evaluation implements Displayable {
    private final ImageDataset data;
    private final int[] labels;
    private final int[] predicted;
    private final float[] confidence;
    private final double loss;
    private final int[][] confusion;

    Evaluation(ImageDataset data, int[] labels, int[] predicted, float[] confidence, double loss) {
        this.data = data;
        this.labels = labels;
        this.predicted = predicted;
        this.confidence = confidence;
        this.loss = loss;
        int n = data.classCount();
        this.confusion = new int[n][n];
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][predicted[i]]++;
        }
    }

    /** What {@code net.evaluate(data)} does: runs the network over every image of {@code data}. */
    public static Evaluation of(org.cnnlab.engine.DjlNetwork net, ImageDataset data) {
        return Evaluator.evaluate(net, data);
    }

    /** The dataset evaluated. */
    public ImageDataset data() {
        return data;
    }

    public List<String> classNames() {
        return data.classNames();
    }

    /** Images evaluated. */
    public int size() {
        return labels.length;
    }

    /** Images predicted right. */
    public int correct() {
        int c = 0;
        for (int i = 0; i < confusion.length; i++) {
            c += confusion[i][i];
        }
        return c;
    }

    /** Fraction predicted right, 0..1: the confusion matrix's trace over its total. */
    public double accuracy() {
        return (double) correct() / labels.length;
    }

    /** Mean cross-entropy loss over the dataset. */
    public double loss() {
        return loss;
    }

    /** {@code [true][predicted]} counts (a copy). */
    public int[][] confusionMatrix() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** The predicted class of every image, in dataset order. */
    public int[] predictions() {
        return predicted.clone();
    }

    /** The true class of every image, in dataset order. */
    public int[] labels() {
        return labels.clone();
    }

    /** The network's probability for its predicted class, per image (softmax of the scores). */
    public float[] confidences() {
        return confidence.clone();
    }

    /** Indices (into {@link #data()}) of the images predicted wrong, in dataset order. */
    public int[] misclassified() {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] != predicted[i]).toArray();
    }

    /** Accuracy of each class: {@code class, images, correct, accuracy, most_confused_with}. */
    public Table perClass() {
        StringColumn name = StringColumn.create("class");
        IntColumn images = IntColumn.create("images");
        IntColumn right = IntColumn.create("correct");
        DoubleColumn acc = DoubleColumn.create("accuracy");
        StringColumn confused = StringColumn.create("most_confused_with");
        for (int t = 0; t < confusion.length; t++) {
            int row = Arrays.stream(confusion[t]).sum();
            int worst = -1;
            for (int p = 0; p < confusion.length; p++) {
                if (p != t && confusion[t][p] > 0 && (worst < 0 || confusion[t][p] > confusion[t][worst])) {
                    worst = p;
                }
            }
            name.append(classNames().get(t));
            images.append(row);
            right.append(confusion[t][t]);
            acc.append(row == 0 ? Double.NaN : Math.round(10000.0 * confusion[t][t] / row) / 10000.0);
            confused.append(worst < 0 ? "" : classNames().get(worst) + " (" + confusion[t][worst] + ")");
        }
        return Table.create("accuracy per class", name, images, right, acc, confused);
    }

    /** The confusion matrix as a table: one row per true class, one column per predicted class. */
    public Table confusionTable() {
        List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
        cols.add(StringColumn.create("true \\ predicted", classNames()));
        for (int p = 0; p < confusion.length; p++) {
            IntColumn c = IntColumn.create(classNames().get(p));
            for (int[] row : confusion) {
                c.append(row[p]);
            }
            cols.add(c);
        }
        return Table.create("confusion matrix", cols);
    }

    /** The confusion matrix as a heat map with counts. */
    public ConfusionMatrixChart confusionChart() {
        return ConfusionMatrixChart.of(confusion, classNames(), "Confusion matrix on " + data.name() + ", accuracy "
                + TextFormat.percent(accuracy()));
    }

    /** Up to {@code max} misclassified images with their true and predicted classes. */
    public MisclassifiedGrid misclassifiedPicture(int max) {
        int[] wrong = misclassified();
        int[] shown = Arrays.copyOf(wrong, Math.min(max, wrong.length));
        return MisclassifiedGrid.of(data, shown, predicted, confidence,
                "Misclassified: " + shown.length + " of " + wrong.length + " wrong, " + data.name());
    }

    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle table = Display.bundleOf(perClass());
        MimeBundle chart = confusionChart().toMimeBundle();
        return MimeBundle.text(toString()).withHtml("<div>" + TextFormat.escape(headline()) + "</div>"
                + table.get(MimeBundle.HTML)).withPng(chart.png(), confusionChart().width(), confusionChart().height());
    }

    @Override
    public String toString() {
        return headline() + "\n" + perClass().printAll();
    }

    private String headline() {
        return "Evaluation on " + data.name() + " (" + String.format("%,d", size()) + " images): accuracy "
                + TextFormat.percent(accuracy()) + " (" + String.format("%,d", correct()) + " right), loss "
                + String.format("%.4f", loss);
    }
}
