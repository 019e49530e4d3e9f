package org.cnnlab.train.progress;

import org.cnnlab.render.Display;
import org.cnnlab.render.DisplayHost;
import org.cnnlab.train.FitListener;

/** Picks the progress display that suits the current {@link DisplayHost}. */
public final class Progress {
    private Progress() {}

    /** A live bar and curve where the host supports live updates (a notebook), else a one-line text display. */
    public static FitListener forCurrentHost() {
        DisplayHost host = Display.host();
        return host.supportsLiveUpdates() ? new NotebookProgress(host) : new TextProgress(host);
    }
}
