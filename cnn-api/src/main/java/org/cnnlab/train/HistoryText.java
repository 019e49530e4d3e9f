package org.cnnlab.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link History} as plain text lines, the way a saved model file carries it, so that a reloaded network
 * continues its story at the next epoch:
 * <pre>
 * ending false completed 2 epochs
 * epoch 1 32 32 1.02 0.63 NaN NaN 1.9 1080.4     (epoch, batches, planned, loss, accuracy, val_loss, val_accuracy, seconds, images/s)
 * batch 0.03125 2.30 0.11                        (position in epochs, loss, accuracy)
 * </pre>
 * Numbers are Java's shortest exact decimal forms, so they read back to the same bits.
 */
final class HistoryText {
    private HistoryText() {}

    static String write(History h) {
        StringBuilder b = new StringBuilder();
        b.append("ending ").append(h.interrupted()).append(' ').append(h.status().replace('\n', ' ')).append('\n');
        for (EpochResult e : h.epochs()) {
            b.append("epoch ").append(e.epoch()).append(' ').append(e.batches()).append(' ').append(e.batchesPlanned())
                    .append(' ').append(e.loss()).append(' ').append(e.accuracy()).append(' ')
                    .append(e.validationLoss()).append(' ').append(e.validationAccuracy()).append(' ')
                    .append(e.seconds()).append(' ').append(e.imagesPerSecond()).append('\n');
        }
        float[] positions = h.batchPositions();
        float[] losses = h.batchLosses();
        float[] accuracies = h.batchAccuracies();
        for (int i = 0; i < positions.length; i++) {
            b.append("batch ").append(positions[i]).append(' ').append(losses[i]).append(' ').append(accuracies[i])
                    .append('\n');
        }
        return b.toString();
    }

    /** Reads {@link #write} back; an empty text is an untrained network's history. */
    static History read(String text) {
        List<EpochResult> epochs = new ArrayList<>();
        List<float[]> batches = new ArrayList<>();
        String ending = "not trained yet";
        boolean interrupted = false;
        for (String line : text.split("\n")) {
            String[] v = line.split(" ");
            switch (v[0]) {
                case "ending":
                    String[] f = line.split(" ", 3);
                    interrupted = Boolean.parseBoolean(f[1]);
                    ending = f.length > 2 ? f[2] : "";
                    break;
                case "epoch":
                    epochs.add(new EpochResult(Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]),
                            Double.parseDouble(v[4]), Double.parseDouble(v[5]), Double.parseDouble(v[6]),
                            Double.parseDouble(v[7]), Double.parseDouble(v[8]), Double.parseDouble(v[9])));
                    break;
                case "batch":
                    batches.add(new float[] {Float.parseFloat(v[1]), Float.parseFloat(v[2]), Float.parseFloat(v[3])});
                    break;
                default:
                    if (!line.isBlank()) {
                        throw new IllegalArgumentException("unknown history line: " + line);
                    }
            }
        }
        float[][] columns = new float[3][batches.size()];
        for (int i = 0; i < batches.size(); i++) {
            for (int c = 0; c < 3; c++) {
                columns[c][i] = batches.get(i)[c];
            }
        }
        return History.restore(epochs, columns[0], columns[1], columns[2], ending, interrupted);
    }
}
