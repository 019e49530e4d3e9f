package org.cnnlab.render;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host for JShell and plain programs: pictures are written as PNG (or SVG) files whose paths are
 * printed, and shown in a window where a display exists; text is printed; a one-line bundle updated in
 * place (a progress line) overwrites its line with a carriage return instead of scrolling.
 */
public final class TerminalDisplayHost implements DisplayHost {
    private final Path folder;
    private final PrintStream out;
    private final AtomicInteger counter = new AtomicInteger();
    private final boolean windows;

    /**
     * Writes pictures under {@code ./cnnlab-output}, prints to standard output, and where a display exists
     * also shows each picture in a window.
     */
    public TerminalDisplayHost() {
        this(Paths.get("cnnlab-output"), System.out, true);
    }

    /** Writes pictures under {@code folder} and prints to {@code out}; no windows. */
    public TerminalDisplayHost(Path folder, PrintStream out) {
        this(folder, out, false);
    }

    private TerminalDisplayHost(Path folder, PrintStream out, boolean windows) {
        this.folder = folder;
        this.out = out;
        this.windows = windows;
    }

    @Override
    public DisplayHandle display(MimeBundle bundle) {
        int id = counter.incrementAndGet();
        PictureWindow window = windows && PictureWindow.possible() ? new PictureWindow() : null;
        print(bundle, id, false, window);
        return update -> print(update, id, true, window);
    }

    private void print(MimeBundle bundle, int id, boolean isUpdate, PictureWindow window) {
        Path file = writeFile(bundle, id);
        String text = bundle.plainText();
        if (window != null && bundle.has(MimeBundle.PNG)) {
            window.show(firstLine(text), bundle.png());
        }
        if (file != null) {
            out.println(firstLine(text) + "  ->  " + file.toAbsolutePath());
        } else if (isUpdate && text.indexOf('\n') < 0) {
            out.print("\r" + text);
            out.flush();
        } else {
            out.println(text);
        }
    }

    private Path writeFile(MimeBundle bundle, int id) {
        try {
            if (bundle.has(MimeBundle.PNG)) {
                return write("picture-" + id + ".png", bundle.png());
            }
            if (bundle.has(MimeBundle.SVG)) {
                return write("picture-" + id + ".svg", bundle.get(MimeBundle.SVG).getBytes());
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a picture under " + folder.toAbsolutePath()
                    + "; check that the folder is writable or install another DisplayHost.", e);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
