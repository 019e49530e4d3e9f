package org.cnnlab.train;

/**
 * What one training batch did: its mean loss and how many of its images the network classified right
 * (measured on the outputs before the weights changed).
 *
 * @param epoch    the epoch, counted from 1 over the network's whole history
 * @param batch    the batch within the epoch, from 1
 * @param batches  how many batches the epoch has
 * @param step     the batch counted over the network's whole history, from 1
 * @param size     images in this batch (the last one of an epoch may be smaller)
 * @param loss     mean cross-entropy loss over the batch
 * @param correct  images classified correctly
 */
public record BatchResult(int epoch, int batch, int batches, long step, int size, float loss, int correct) {
    /** The batch's accuracy, 0..1. */
    public double accuracy() {
        return size == 0 ? 0 : (double) correct / size;
    }
}
