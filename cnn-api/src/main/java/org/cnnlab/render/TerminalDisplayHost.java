package org.cnnlab.render;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

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
        return new Shown(id, window);
    }

    /** The handle of one display; named, so that JShell echoes "display 4", not a lambda's class name. */
    private final class Shown implements DisplayHandle {
        private final int id;
        private final PictureWindow window;

        Shown(int id, PictureWindow window) {
            this.id = id;
            this.window = window;
        }

        @Override
        public void update(MimeBundle bundle) {
            print(bundle, id, true, window);
        }

        @Override
        public String toString() {
            return "display " + id;
        }
    }

    private void print(MimeBundle bundle, int id, boolean isUpdate, PictureWindow window) {
        List<Path> files = writeFiles(bundle, id);
        String text = bundle.plainText();
        if (window != null && bundle.has(MimeBundle.PNG)) {
            window.show(firstLine(text), bundle.png());
        }
        if (!files.isEmpty()) {
            out.println(firstLine(text) + "  ->  " + files.stream().map(f -> f.toAbsolutePath().toString())
                    .collect(Collectors.joining(", ")));
        } else if (isUpdate && text.indexOf('\n') < 0) {
            out.print("\r" + text);
            out.flush();
        } else {
            out.println(text);
        }
    }

    /**
     * The bundle's pictures and pages as files: a PNG (or else an SVG), a GIF animation, and an HTML view
     * that has no picture of its own (a convolution step, an explorer) as a page a browser opens. Tables
     * are left out: their text says all their HTML does.
     */
    private List<Path> writeFiles(MimeBundle bundle, int id) {
        List<Path> files = new ArrayList<>();
        try {
            if (bundle.has(MimeBundle.PNG)) {
                files.add(write("picture-" + id + ".png", bundle.png()));
            } else if (bundle.has(MimeBundle.SVG)) {
                files.add(write("picture-" + id + ".svg", bundle.get(MimeBundle.SVG).getBytes(StandardCharsets.UTF_8)));
            }
            if (bundle.has(MimeBundle.GIF)) {
                files.add(write("animation-" + id + ".gif", Base64.getDecoder().decode(bundle.get(MimeBundle.GIF))));
            }
            if (files.isEmpty() && bundle.has(MimeBundle.HTML) && !TableRendering.isTable(bundle.get(MimeBundle.HTML))) {
                files.add(write("view-" + id + ".html", page(firstLine(bundle.plainText()), bundle.get(MimeBundle.HTML))));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a picture under " + folder.toAbsolutePath()
                    + "; check that the folder is writable or install another DisplayHost.", e);
        }
    }

    private static byte[] page(String title, String html) {
        return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + TableRendering.escape(title)
                + "</title></head>\n<body>\n" + html + "\n</body></html>\n").getBytes(StandardCharsets.UTF_8);
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
