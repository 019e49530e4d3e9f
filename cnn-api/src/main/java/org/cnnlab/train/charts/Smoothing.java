package org.cnnlab.train.charts;

/**
 * The smoothed line through noisy batch values: an exponential moving average
 * {@code m_t = a * m_(t-1) + (1 - a) * x_t}, divided by {@code 1 - a^t} so the first points are not pulled
 * towards zero (the bias correction TensorBoard and Adam use). The window, about {@code 1 / (1 - a)}
 * batches, grows with the run: 1/40 of the batches, between 3 and 50.
 */
public final class Smoothing {
    private Smoothing() {}

    public static double[] ema(float[] values) {
        int window = Math.max(3, Math.min(50, values.length / 40));
        double a = 1 - 1.0 / window;
        double[] out = new double[values.length];
        double m = 0;
        double weight = 1;
        for (int t = 0; t < values.length; t++) {
            m = a * m + (1 - a) * values[t];
            weight *= a;
            out[t] = m / (1 - weight);
        }
        return out;
    }
}
