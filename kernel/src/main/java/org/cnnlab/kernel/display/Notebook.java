package org.cnnlab.kernel.display;

import org.cnnlab.render.Display;
import org.cnnlab.render.DisplayHandle;
import org.cnnlab.render.MimeBundle;

/**
 * The functions every cell can call (statically imported): {@code display(x)} shows anything the way a
 * cell result is shown and returns a handle; {@code updateDisplay(handle, y)} redraws it in place;
 * {@code readLine(prompt)} and {@code readPassword(prompt)} ask the user to type something.
 */
public final class Notebook {
    private static volatile OutputSink sink;

    private Notebook() {}

    /** Connects clearOutput to the kernel (done once at start-up). */
    public static void connect(OutputSink outputSink) {
        sink = outputSink;
    }

    /** Shows a value now (a chart, a table, a picture, any object) and returns a handle to redraw it. */
    public static DisplayHandle display(Object value) {
        return Display.show(value);
    }

    /** Shows HTML. */
    public static DisplayHandle displayHtml(String html) {
        return Display.host().display(MimeBundle.text(html).withHtml(html));
    }

    /** Replaces what {@code handle} shows with {@code value}. */
    public static void updateDisplay(DisplayHandle handle, Object value) {
        handle.update(Display.bundleOf(value));
    }

    /** Clears this cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        OutputSink s = sink;
        if (s != null) {
            s.clearOutput(wait);
        }
    }

    public static void clearOutput() {
        clearOutput(false);
    }

    /** Shows {@code prompt} with an input box under the cell and returns the line the user typed. */
    public static String readLine(String prompt) {
        return org.cnnlab.kernel.input.CellInput.ask(prompt, false);
    }

    /** As {@link #readLine}, but what is typed is hidden (a password, a token). */
    public static String readPassword(String prompt) {
        return org.cnnlab.kernel.input.CellInput.ask(prompt, true);
    }
}
