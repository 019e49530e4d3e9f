package org.cnnlab.render;

/**
 * Where displayed things go. cnn-api defines it and ships a terminal default
 * ({@link TerminalDisplayHost}); the Jupyter kernel installs one that sends display_data messages, and a
 * test can install {@link #NONE}.
 */
public interface DisplayHost {
    /** Shows a bundle now and returns a handle that can redraw the same place later. */
    DisplayHandle display(MimeBundle bundle);

    /**
     * True when live views (a chart redrawn during training, an HTML progress bar) are worth sending: a
     * notebook, yes; a log file, no. Hosts that return false get only the final picture.
     */
    default boolean supportsLiveUpdates() {
        return false;
    }

    /** Shows nothing, anywhere. */
    DisplayHost NONE = bundle -> DisplayHandle.NONE;
}
