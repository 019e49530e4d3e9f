package org.cnnlab.pictures;

import java.awt.image.BufferedImage;

/**
 * A picture that is a {@link TileGrid} laid out from its numbers: filters, feature maps, what training
 * changed. The grid is built once, on first use, and kept: its geometry ({@link TileGrid#tileBounds}) tells a
 * test or an explorer where each tile was drawn.
 */
public abstract class GridPicture extends Picture {
    private TileGrid grid;

    /** Lays out the grid; called once. */
    abstract TileGrid layout();

    /** The grid this picture paints, for its geometry. */
    public final synchronized TileGrid grid() {
        if (grid == null) {
            grid = layout();
        }
        return grid;
    }

    @Override
    public BufferedImage image() {
        return grid().image();
    }
}
