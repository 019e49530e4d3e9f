package org.cnnlab.kernel.display;

import org.cnnlab.render.MimeBundle;

/** Where a cell's output goes (the kernel wires it to IOPub); implementations must be thread-safe. */
public interface OutputSink {
    void stream(String name, String text);

    /** Shows a bundle under {@code displayId}; with {@code update}, replaces what that id shows. */
    void display(MimeBundle bundle, String displayId, boolean update);

    void clearOutput(boolean wait);
}
