package org.cnnlab.train;

/**
 * One epoch in numbers: one row of {@link History#table()}. The training loss and accuracy are averages
 * over the epoch's batches (the network changed while they were measured); the validation ones are
 * measured at the end of the epoch on images the network never trained on, which makes them the honest
 * ones. {@code NaN} where there was no validation set.
 *
 * @param epoch               counted from 1 over the network's whole history
 * @param batches             batches run (fewer than {@code batchesPlanned} when the epoch was stopped)
 * @param batchesPlanned      batches in a full epoch
 * @param loss                mean training loss
 * @param accuracy            training accuracy, 0..1
 * @param validationLoss      mean loss on the validation set, or NaN
 * @param validationAccuracy  accuracy on the validation set, 0..1, or NaN
 * @param seconds             wall time of the epoch, validation included
 * @param imagesPerSecond     training images per second (validation excluded)
 */
public record EpochResult(int epoch, int batches, int batchesPlanned, double loss, double accuracy,
                          double validationLoss, double validationAccuracy, double seconds,
                          double imagesPerSecond) {
    /** True when the epoch ran all its batches. */
    public boolean complete() {
        return batches == batchesPlanned;
    }

    public boolean hasValidation() {
        return !Double.isNaN(validationAccuracy);
    }
}
