package org.cnnlab.render;

/**
 * Anything cnn-api can draw: a chart, a picture of filters, a summary table, a convolution step. It turns
 * itself into a {@link MimeBundle}; where it appears (a notebook cell, a file, a terminal line) is the
 * {@link DisplayHost}'s business.
 */
public interface Displayable {
    /** Every representation this object has; always includes {@code text/plain}. */
    MimeBundle toMimeBundle();

    /** Shows this object on the current host: under the cell in a notebook, as a file in a terminal. */
    default DisplayHandle show() {
        return Display.host().display(toMimeBundle());
    }
}
