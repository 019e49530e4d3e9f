package org.cnnlab.render;

/**
 * One place where something is shown, that can be redrawn: the output area of a notebook cell (updated in
 * place), or a terminal line (overwritten). Live pictures such as the loss curve during training hold one.
 */
public interface DisplayHandle {
    /** Replaces what this handle shows. */
    void update(MimeBundle bundle);

    /** A handle that shows nothing, for hosts that cannot display. */
    DisplayHandle NONE = bundle -> { };
}
