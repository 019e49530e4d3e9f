package org.cnnlab.train;

/** The sums behind an epoch's row while it runs: what {@link History} turns into an {@link EpochResult} when it ends. */
final class OpenEpoch {
    final int epoch;
    final int planned;
    final long start;
    int batches;
    int seen;
    long correct;
    double lossSum;
    long trainNanos;

    OpenEpoch(int epoch, int planned, long start) {
        this.epoch = epoch;
        this.planned = planned;
        this.start = start;
    }

    void add(BatchResult b) {
        batches++;
        seen += b.size();
        correct += b.correct();
        lossSum += (double) b.loss() * b.size();
        trainNanos = System.nanoTime() - start;
    }

    EpochResult row(double validationLoss, double validationAccuracy) {
        double trainSeconds = trainNanos / 1e9;
        return new EpochResult(epoch, batches, planned, lossSum / seen, (double) correct / seen, validationLoss,
                validationAccuracy, (System.nanoTime() - start) / 1e9, trainSeconds > 0 ? seen / trainSeconds : 0);
    }
}
