package org.cnnlab.handconv;

/**
 * How a cell of a step picture is drawn, the same in HTML and in the animated GIF: the window in amber,
 * padding in light grey, the kernel in blue, the output cell being filled in strong amber, the cells a
 * floor throws away struck through in red.
 */
enum Look {
    PLAIN("#ffffff", "#111827", false),
    PADDING("#f1f3f5", "#9aa1ab", false),
    WINDOW("#fef3c7", "#111827", true),
    WINDOW_PADDING("#f8f0da", "#9a8f7a", false),
    KERNEL("#e3edfc", "#1e3a8a", true),
    CURRENT("#fbbf24", "#111827", true),
    DONE("#ffffff", "#111827", false),
    PENDING("#f9fafb", "#c4c8ce", false),
    DROPPED("#fde2e2", "#b91c1c", false),
    WINNER("#d97706", "#ffffff", true);

    /** The window's outline and the current output cell's border. */
    static final String ACCENT = "#d97706";
    static final String GRID = "#cfd4da";

    final String background;
    final String ink;
    final boolean bold;

    Look(String background, String ink, boolean bold) {
        this.background = background;
        this.ink = ink;
        this.bold = bold;
    }
}
