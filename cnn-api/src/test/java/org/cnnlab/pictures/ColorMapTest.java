package org.cnnlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Colour maps interpolate between their anchors and put zero where their kind says. */
class ColorMapTest {
    static int red(int rgb) {
        return rgb >> 16 & 0xff;
    }

    static int blue(int rgb) {
        return rgb & 0xff;
    }

    @Test
    void divergingIsBlueWhiteRed() {
        assertTrue(ColorMap.DIVERGING.diverging());
        assertEquals(0xffffff, ColorMap.DIVERGING.rgb(0.5));
        int low = ColorMap.DIVERGING.rgb(0);
        int high = ColorMap.DIVERGING.rgb(1);
        assertTrue(blue(low) > 2 * red(low), "the low end is blue: " + Integer.toHexString(low));
        assertTrue(red(high) > 2 * blue(high), "the high end is red: " + Integer.toHexString(high));
        assertEquals(low, ColorMap.DIVERGING.rgb(-3), "below 0 counts as 0");
        assertEquals(high, ColorMap.DIVERGING.rgb(7), "above 1 counts as 1");
    }

    @Test
    void interpolatesStraightBetweenAnchors() {
        ColorMap m = ColorMap.of("test", false, 0x000000, 0xff0080);
        assertEquals(0x800040, m.rgb(0.5));
        assertEquals(0x000000, m.rgb(Double.NaN));
        assertEquals(0x808080, ColorMap.GRAY.rgb(0.5), "grey's middle is mid grey");
    }

    @Test
    void sequentialMapsGetBrighterAllTheWay() {
        assertFalse(ColorMap.VIRIDIS.diverging());
        double previous = -1;
        for (int i = 0; i <= 20; i++) {
            int c = ColorMap.VIRIDIS.rgb(i / 20.0);
            double luma = 0.299 * red(c) + 0.587 * (c >> 8 & 0xff) + 0.114 * blue(c);
            assertTrue(luma > previous, "brightness grows at " + i / 20.0);
            previous = luma;
        }
    }

    @Test
    void needsTwoAnchors() {
        String msg = assertThrows(IllegalArgumentException.class, () -> ColorMap.of("one", false, 0xffffff))
                .getMessage();
        assertTrue(msg.contains("at least 2"), msg);
    }
}
