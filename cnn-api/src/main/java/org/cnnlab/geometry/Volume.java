package org.cnnlab.geometry;

/**
 * The shape of what flows between layers: a volume of {@code channels} feature maps, each
 * {@code height x width} (an RGB image is 3 x 32 x 32; six 5x5 filters over it give 6 x 28 x 28). After
 * {@code flatten()} it is a flat vector of {@code channels} numbers, written without the 1 x 1.
 */
public record Volume(int channels, int height, int width, boolean flat) {

    public Volume {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new GeometryException("A volume needs positive channels, height and width. Received: channels="
                    + channels + ", height=" + height + ", width=" + width + ".");
        }
        if (flat && (height != 1 || width != 1)) {
            throw new IllegalArgumentException("a flat vector has height and width 1");
        }
    }

    /** A stack of {@code channels} maps of {@code height x width}. */
    public static Volume of(int channels, int height, int width) {
        return new Volume(channels, height, width, false);
    }

    /** A flat vector of {@code length} numbers, as {@code flatten()} and dense layers produce. */
    public static Volume vector(int length) {
        return new Volume(length, 1, 1, true);
    }

    /** How many numbers this volume holds: C x H x W. */
    public long size() {
        return (long) channels * height * width;
    }

    /** The same numbers laid out as one vector, as {@code flatten()} does. */
    public Volume flatten() {
        long n = size();
        if (n > Integer.MAX_VALUE) {
            throw new GeometryException("Flattening " + this + " gives " + n + " numbers, more than a layer can take.");
        }
        return vector((int) n);
    }

    /** {@code 6 x 28 x 28} for a stack of maps, {@code 400} for a flat vector. */
    @Override
    public String toString() {
        return flat ? Integer.toString(channels) : channels + " x " + height + " x " + width;
    }
}
