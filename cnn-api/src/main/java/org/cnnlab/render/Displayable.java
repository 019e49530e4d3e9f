package org.cnnlab.render;

/**
 * Anything cnn-api can draw: a chart, a picture of filters, a summary table, a convolution step. It turns
 * itself into a {@link MimeBundle}; where it appears (a notebook cell, a file, a terminal line) is the
 * {@link DisplayHost}'s business.
 */
public interface Displayable {
    /** Every representation this object has; always includes {@code text/plain}. */
    MimeBundle toMimeBundle();

    /**
     * Shows this object on the current host: under the cell in a notebook, as a file in a terminal. Returns
     * nothing, so JShell prints nothing after it; to redraw the same place later, keep the handle of
     * {@code Display.host().display(x.toMimeBundle())}.
     */
    default void show() {
        Display.host().display(toMimeBundle());
    }
}
