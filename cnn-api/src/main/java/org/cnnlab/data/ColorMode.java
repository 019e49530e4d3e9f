package org.cnnlab.data;

/**
 * How a picture's colours become channels. {@link #GRAYSCALE} gives one channel of brightness
 * ({@code 0.299 R + 0.587 G + 0.114 B}, the ITU-R BT.601 weights, which follow how bright each colour looks
 * to the eye); {@link #RGB} keeps three channels, red, green and blue. A network trained on one must be fed
 * the same: Fashion-MNIST models expect greyscale.
 */
public enum ColorMode {
    GRAYSCALE(1),
    RGB(3);

    private final int channels;

    ColorMode(int channels) {
        this.channels = channels;
    }

    /** 1 for greyscale, 3 for RGB. */
    public int channels() {
        return channels;
    }
}
