package org.cnnlab.model;

import org.cnnlab.geometry.Volume;
import org.cnnlab.geometry.Window;

/** Shared wording for layers that slide a window: sizes as {@code 5x5}, strides and padding as a student reads them. */
final class LayerText {
    private LayerText() {}

    /** {@code 5x5}. */
    static String size(Window h, Window w) {
        return h.size() + "x" + w.size();
    }

    /** {@code , stride 2, pad 1} — only what differs from the defaults. */
    static String strideAndPad(Window h, Window w) {
        String s = "";
        if (h.stride() != 1 || w.stride() != 1) {
            s += ", stride " + pair(h.stride(), w.stride());
        }
        if (h.pad() != 0 || w.pad() != 0) {
            s += ", pad " + pair(h.pad(), w.pad());
        }
        if (h.floor() || w.floor()) {
            s += ", size rounded down";
        }
        return s;
    }

    /** The saved form of two windows: {@code 5x5 stride=1x1 pad=2x2}. */
    static String windows(Window h, Window w) {
        return h.size() + "x" + w.size() + " stride=" + h.stride() + "x" + w.stride() + " pad=" + h.pad() + "x"
                + w.pad() + (h.floor() || w.floor() ? " floor" : "");
    }

    /** Names the height axis "height and width" when both axes are the same problem, so an error says it once. */
    static String axis(Volume input, Window h, Window w, String height) {
        return input.height() == input.width() && h.equals(w) ? "height and width" : height;
    }

    private static String pair(int a, int b) {
        return a == b ? Integer.toString(a) : a + "x" + b;
    }
}
