package org.cnnlab.train;

/**
 * Reads a batch's scores (batch x classes, a few KB, read from the device once) in Java: the predicted
 * class, its softmax probability and the cross-entropy loss of each image. Training's batch accuracy,
 * validation and {@code evaluate} all count right answers here, so they cannot disagree. Doing it here
 * rather than with argmax/softmax/loss operations on the device saves a native call each per batch.
 */
final class Scores {
    private final float[] scores;
    private final int classes;

    Scores(float[] scores, int images) {
        this.scores = scores;
        this.classes = scores.length / images;
    }

    /** The class with the highest score for image {@code k} of the batch. */
    int predicted(int k) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (scores[k * classes + c] > scores[k * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The softmax probability of image {@code k}'s predicted class: {@code 1 / sum_j exp(s_j - s_max)}. */
    float confidence(int k) {
        return (float) (1 / expSum(k, scores[k * classes + predicted(k)]));
    }

    /** Image {@code k}'s cross-entropy loss for its true class {@code label}: {@code log sum_j exp(s_j) - s_label}. */
    double loss(int k, int label) {
        double max = scores[k * classes + predicted(k)];
        return max + Math.log(expSum(k, max)) - scores[k * classes + label];
    }

    private double expSum(int k, double max) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(scores[k * classes + c] - max);
        }
        return sum;
    }
}
