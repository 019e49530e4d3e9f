package org.cnnlab.pictures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnlab.render.MimeBundle;
import org.junit.jupiter.api.Test;

/** The grid paints each number as a crisp block of exactly the colour its value maps to, where it says. */
class TileGridTest {
    static final float[][] KERNEL = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};

    /** Every pixel of the block of number (row, col) in tile {@code i} has colour {@code rgb}. */
    static void assertBlock(TileGrid g, int i, int row, int col, int rgb) {
        Rectangle r = g.tileBounds(i);
        int s = g.scale(i);
        BufferedImage img = g.image();
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int actual = img.getRGB(r.x + col * s + x, r.y + row * s + y) & 0xffffff;
                assertEquals(rgb, actual, "tile " + i + " cell (" + row + "," + col + ") pixel (" + x + "," + y
                        + "): expected #" + Integer.toHexString(rgb) + " got #" + Integer.toHexString(actual));
            }
        }
    }

    @Test
    void aKnownKernelIsBlueWhiteRedAtItsCells() {
        TileGrid g = TileGrid.of(List.of(Tile.of(KERNEL, "Sobel x"))).colors(ColorMap.DIVERGING);
        assertEquals(28, g.scale(0), "a 3x3 kernel is enlarged to about 84 pixels by a whole factor");
        assertEquals(84, g.tileBounds(0).width);
        int blue = ColorMap.DIVERGING.rgb(0);
        int red = ColorMap.DIVERGING.rgb(1);
        int paleBlue = ColorMap.DIVERGING.rgb(0.25);
        int paleRed = ColorMap.DIVERGING.rgb(0.75);
        assertBlock(g, 0, 1, 0, blue);
        assertBlock(g, 0, 1, 2, red);
        assertBlock(g, 0, 0, 0, paleBlue);
        assertBlock(g, 0, 2, 2, paleRed);
        for (int row = 0; row < 3; row++) {
            assertBlock(g, 0, row, 1, 0xffffff);
        }
        Rectangle r = g.tileBounds(0);
        assertEquals(Painter.FRAME.getRGB() & 0xffffff, g.image().getRGB(r.x - 1, r.y + 5) & 0xffffff,
                "a frame just outside the tile keeps white cells visible");
        assertArrayEquals(new double[] {-2, 2}, g.rangeOf(0), "diverging: symmetric around zero");
    }

    @Test
    void perTileAndGlobalScalesDiffer() {
        List<Tile> tiles = List.of(Tile.of(new float[][] {{1, -1}}, "weak"), Tile.of(new float[][] {{4, -4}}, "strong"));
        TileGrid perTile = TileGrid.of(tiles).colors(ColorMap.DIVERGING);
        assertBlock(perTile, 0, 0, 0, ColorMap.DIVERGING.rgb(1));
        TileGrid global = perTile.normalize(Normalize.GLOBAL);
        assertBlock(global, 0, 0, 0, ColorMap.DIVERGING.rgb(0.625));
        assertBlock(global, 1, 0, 0, ColorMap.DIVERGING.rgb(1));
        TileGrid fixed = TileGrid.of(List.of(Tile.of(new float[][] {{0.5f, 1}}, ""))).colors(ColorMap.GRAY).range(0, 1);
        assertBlock(fixed, 0, 0, 0, ColorMap.GRAY.rgb(0.5));
        assertBlock(fixed, 0, 0, 1, 0xffffff);
    }

    @Test
    void perRowSharesOneScaleAlongARow() {
        List<Tile> tiles = List.of(Tile.of(new float[][] {{1}}, ""), Tile.of(new float[][] {{2}}, ""),
                Tile.of(new float[][] {{10}}, ""), Tile.of(new float[][] {{5}}, ""));
        TileGrid g = TileGrid.of(tiles).columns(2).colors(ColorMap.DIVERGING).normalize(Normalize.PER_ROW);
        assertArrayEquals(new double[] {-2, 2}, g.rangeOf(0));
        assertArrayEquals(new double[] {-2, 2}, g.rangeOf(1));
        assertArrayEquals(new double[] {-10, 10}, g.rangeOf(3));
    }

    @Test
    void rgbTilesAndImageTiles() {
        float[][][] rgb = {{{1, -1}}, {{0, 0}}, {{-1, 1}}};
        BufferedImage two = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        two.setRGB(0, 0, 0x123456);
        two.setRGB(1, 0, 0xabcdef);
        TileGrid g = TileGrid.of(List.of(Tile.rgb(rgb, "colour"), Tile.of(two, "image"))).colors(ColorMap.DIVERGING);
        assertBlock(g, 0, 0, 0, 0xff8000);
        assertBlock(g, 0, 0, 1, 0x0080ff);
        assertBlock(g, 1, 0, 0, 0x123456);
        assertBlock(g, 1, 0, 1, 0xabcdef);
        assertEquals(g.scale(1) * 2, g.tileBounds(1).width);
    }

    @Test
    void blanksEndARowEarly() {
        TileGrid g = TileGrid.of(List.of(Tile.of(KERNEL, ""), Tile.blank(), Tile.of(KERNEL, ""))).columns(2);
        assertEquals(g.tileBounds(0).x, g.tileBounds(2).x);
        assertTrue(g.tileBounds(2).y > g.tileBounds(0).y + 80);
    }

    @Test
    void samePicturesGiveTheSameBytesAndSayWhatTheyShow() {
        TileGrid g = TileGrid.of(List.of(Tile.of(KERNEL, "a"), Tile.of(KERNEL, "b"))).title("Kernels")
                .colors(ColorMap.DIVERGING);
        assertArrayEquals(g.png(), g.title("Kernels").png());
        MimeBundle b = g.toMimeBundle();
        assertTrue(b.has(MimeBundle.PNG));
        assertTrue(b.plainText().startsWith("Kernels"), b.plainText());
        assertTrue(b.plainText().contains("2 tiles in 1 row"), b.plainText());
        assertTrue(b.plainText().contains("values from -2 to 2"), b.plainText());
    }
}
