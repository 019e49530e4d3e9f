package org.cnnlab.kernel.display;

import java.util.Objects;
import java.util.UUID;
import org.cnnlab.render.DisplayHandle;
import org.cnnlab.render.DisplayHost;
import org.cnnlab.render.MimeBundle;

/**
 * cnn-api's display host inside a notebook: each display is a display_data message with its own display
 * id, and its handle sends update_display_data to that id, so a chart or a progress bar redraws in place.
 * Safe from any thread; output goes to the cell being executed. Pending printed text is sent first so
 * that pictures and text keep their order.
 */
public final class NotebookDisplayHost implements DisplayHost {
    private final OutputSink sink;
    private final Runnable flushStreams;

    public NotebookDisplayHost(OutputSink sink, Runnable flushStreams) {
        this.sink = sink;
        this.flushStreams = flushStreams;
    }

    @Override
    public DisplayHandle display(MimeBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        NotebookHandle handle = new NotebookHandle(UUID.randomUUID().toString());
        flushStreams.run();
        sink.display(bundle, handle.id(), false);
        return handle;
    }

    @Override
    public boolean supportsLiveUpdates() {
        return true;
    }

    /** A place in the notebook: the display id of one display_data. */
    public final class NotebookHandle implements DisplayHandle {
        private final String id;

        NotebookHandle(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        @Override
        public void update(MimeBundle bundle) {
            Objects.requireNonNull(bundle, "bundle");
            flushStreams.run();
            sink.display(bundle, id, true);
        }

        @Override
        public String toString() {
            return "display " + id;
        }
    }
}
