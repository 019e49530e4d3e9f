package org.cnnlab.pictures;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One picture in a {@link TileGrid}, with an optional caption: a grid of numbers coloured by the grid's
 * colour map ({@link #of(float[][], String)}), three grids shown as red, green and blue
 * ({@link #rgb(float[][][], String)}), or a ready-made image ({@link #of(BufferedImage, String)}).
 */
public final class Tile {
    private final float[][][] values;
    private final BufferedImage image;
    private final String caption;

    private Tile(float[][][] values, BufferedImage image, String caption) {
        this.values = values;
        this.image = image;
        this.caption = caption == null ? "" : caption;
    }

    /** Numbers {@code [row][column]}, one pixel block each, coloured by the grid's colour map. */
    public static Tile of(float[][] values, String caption) {
        return new Tile(new float[][][] {checked(values, "values")}, null, caption);
    }

    /**
     * Three channels {@code [channel][row][column]} painted as red, green and blue, each scaled by the grid's
     * normalisation (a diverging grid puts zero at mid grey).
     */
    public static Tile rgb(float[][][] channels, String caption) {
        if (channels == null || channels.length != 3) {
            throw new IllegalArgumentException("Tile.rgb takes 3 channels [channel][row][column]. Received: "
                    + (channels == null ? "null" : channels.length + " channels") + ".");
        }
        for (float[][] c : channels) {
            checked(c, "channels");
            if (c.length != channels[0].length || c[0].length != channels[0][0].length) {
                throw new IllegalArgumentException("Tile.rgb needs 3 channels of the same size.");
            }
        }
        return new Tile(channels, null, caption);
    }

    /** A picture drawn elsewhere; the grid scales it up by a whole factor to fill its cell, pixels kept square. */
    public static Tile of(BufferedImage image, String caption) {
        return new Tile(null, Objects.requireNonNull(image, "image"), caption);
    }

    /** An empty cell, to start the next row of a grid early or leave a gap. */
    public static Tile blank() {
        return new Tile(null, null, "");
    }

    public String caption() {
        return caption;
    }

    /** The numbers, {@code [channel][row][column]} with 1 or 3 channels, or null for an image tile. */
    float[][][] values() {
        return values;
    }

    BufferedImage image() {
        return image;
    }

    boolean isRgb() {
        return values != null && values.length == 3;
    }

    boolean isBlank() {
        return values == null && image == null;
    }

    int height() {
        return values != null ? values[0].length : image != null ? image.getHeight() : 1;
    }

    int width() {
        return values != null ? values[0][0].length : image != null ? image.getWidth() : 1;
    }

    private static float[][] checked(float[][] v, String what) {
        if (v == null || v.length == 0 || v[0] == null || v[0].length == 0) {
            throw new IllegalArgumentException("A tile needs at least one row and one column of " + what + ".");
        }
        for (float[] row : v) {
            if (row.length != v[0].length) {
                throw new IllegalArgumentException("A tile's rows must all have the same length; found "
                        + v[0].length + " and " + row.length + ".");
            }
        }
        return v;
    }
}
