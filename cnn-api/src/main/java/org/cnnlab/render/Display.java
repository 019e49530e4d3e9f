package org.cnnlab.render;

import java.util.Objects;

/**
 * The display host in use by this JVM. Plain Java programs and JShell get a {@link TerminalDisplayHost};
 * the kernel installs its own at start-up. Kept in one place so that {@code fit} or {@code show()} deep in
 * the library reach the notebook without every call passing a host along.
 */
public final class Display {
    private static volatile DisplayHost host = new TerminalDisplayHost();

    private Display() {}

    public static DisplayHost host() {
        return host;
    }

    /** Installs a host and returns the previous one (so a test can put it back). */
    public static DisplayHost install(DisplayHost newHost) {
        DisplayHost previous = host;
        host = Objects.requireNonNull(newHost, "newHost; to show nothing, install DisplayHost.NONE");
        return previous;
    }

    /** Shows any object: a {@link Displayable} as itself, anything else as its {@code toString()}. */
    public static DisplayHandle show(Object value) {
        return host.display(bundleOf(value));
    }

    /**
     * The bundle for any value: a {@link Displayable}'s own; an XChart chart or a {@code BufferedImage} as a
     * PNG; a Tablesaw table as HTML and text; a DJL {@code NDArray} as an image where it is one; anything
     * else as its text.
     */
    public static MimeBundle bundleOf(Object value) {
        return Renderers.bundleOf(value);
    }
}
