package org.cnnlab.pictures;

import java.util.Arrays;

/**
 * Turns a number between 0 and 1 into a colour, by straight-line interpolation between a few anchor colours
 * spaced evenly over 0..1.
 *
 * <p>Two kinds, for two kinds of numbers. A <b>diverging</b> map ({@link #DIVERGING}: blue, white, red) is for
 * signed numbers such as weights, where the sign matters: the middle of the scale is zero and white, so
 * "negative" and "positive" read at a glance. A <b>sequential</b> map ({@link #VIRIDIS}, {@link #GRAY}) is
 * for numbers that only grow, such as activations after ReLU: darker is less, brighter is more.
 */
public final class ColorMap {
    /** Blue for negative, white for zero, red for positive: for weights and other signed numbers. */
    public static final ColorMap DIVERGING = new ColorMap("blue-white-red", true,
            0x1f4e9c, 0x6f9fd8, 0xffffff, 0xe8806a, 0xb2182b);
    /** Dark violet through teal and green to yellow: a sequential map whose brightness grows steadily. */
    public static final ColorMap VIRIDIS = new ColorMap("viridis-like", false,
            0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725);
    /** Black to white, as an image of light intensity. */
    public static final ColorMap GRAY = new ColorMap("gray", false, 0x000000, 0xffffff);

    private final String name;
    private final boolean diverging;
    private final int[] anchors;

    private ColorMap(String name, boolean diverging, int... anchors) {
        this.name = name;
        this.diverging = diverging;
        this.anchors = anchors;
    }

    /**
     * A map through {@code anchors} (RGB as {@code 0xRRGGBB}) spaced evenly over 0..1. A diverging map is
     * drawn symmetric around zero: 0.5 means zero.
     */
    public static ColorMap of(String name, boolean diverging, int... anchors) {
        if (anchors.length < 2) {
            throw new IllegalArgumentException("A colour map needs at least 2 anchor colours. Received: "
                    + anchors.length + ".");
        }
        return new ColorMap(name, diverging, anchors.clone());
    }

    /** The colour ({@code 0xRRGGBB}) at {@code t}; below 0 counts as 0 and above 1 as 1. */
    public int rgb(double t) {
        double x = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min((int) x, anchors.length - 2);
        double f = x - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8, b >> 8, f) << 8 | mix(a, b, f);
    }

    /** Whether zero sits in the middle of the scale (signed numbers) rather than at its low end. */
    public boolean diverging() {
        return diverging;
    }

    public String name() {
        return name;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }

    @Override
    public String toString() {
        return "ColorMap " + name + (diverging ? " (diverging)" : " (sequential)") + " through "
                + Arrays.stream(anchors).mapToObj(c -> String.format("#%06x", c)).toList();
    }
}
