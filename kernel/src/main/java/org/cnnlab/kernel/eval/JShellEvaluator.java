package org.cnnlab.kernel.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates cells with JShell in this JVM and keeps the state across them. One caller thread at a time
 * (the kernel's shell thread); {@link #interrupt()} may come from any thread.
 */
public final class JShellEvaluator implements AutoCloseable {
    /** What an expression cell evaluated to; {@code value} may be null (the expression was null). */
    public record CellValue(Object value) {}

    private final KernelExecutionControl control;
    private final JShell shell;
    private final CellLocations locations = new CellLocations();
    private final PrintStream notices;

    /** Starts JShell; {@code notices} receives remarks such as "x was reset" (normally the cell's stderr). */
    public JShellEvaluator(PrintStream notices) {
        this.notices = notices;
        this.control = new KernelExecutionControl(notices);
        this.shell = JShell.builder()
                .executionEngine(new KernelExecutionProvider(control), Map.of())
                .fileManager(javac -> new LazyClasspath(javac, classpathIndexCache()))
                .build();
    }

    /** The cache file the launcher names in {@code -Dcnnlab.classpathIndex}, see {@link JarPackages}. */
    private static Optional<Path> classpathIndexCache() {
        return Optional.ofNullable(System.getProperty("cnnlab.classpathIndex")).map(Path::of);
    }

    JShell shell() {
        return shell;
    }

    /**
     * Runs start-up imports quietly; returns the lines JShell rejected. They go in as ONE snippet (JShell
     * accepts several imports in one): each snippet costs a javac run, and twenty of them were most of the
     * wait for the first cell. JShell keys an import snippet by its first import, and a later snippet with
     * that key replaces it: the first line must be one users never write (the notebook helpers' static
     * import). Should the whole be rejected, the lines go in one by one, as before.
     */
    public List<String> importQuietly(List<String> imports) {
        if (!imports.isEmpty() && !rejected(String.join(" ", imports))) {
            return List.of();
        }
        return imports.stream().filter(this::rejected).collect(Collectors.toList());
    }

    private boolean rejected(String snippet) {
        return shell.eval(snippet).stream()
                .anyMatch(e -> e.causeSnippet() == null && e.status() == Snippet.Status.REJECTED);
    }

    /**
     * Runs a cell. Returns the value to show when the cell ends in an expression without a semicolon.
     *
     * @throws CellFailure when the cell does not compile, throws, or is stopped; or, where {@link ExitGuard}
     *         could not be installed, when its source calls {@code System.exit}
     */
    public Optional<CellValue> eval(String cell, int cellNo) throws CellFailure {
        control.beginCell();
        if (!ExitGuard.installed()) {
            Optional<String> exit = ExitCalls.find(cell);
            if (exit.isPresent()) {
                throw new ExitRefusedException(exit.get());
            }
        }
        List<CellSplitter.Piece> pieces = CellSplitter.split(shell.sourceCodeAnalysis(), cell);
        Optional<CellValue> result = Optional.empty();
        for (CellSplitter.Piece piece : pieces) {
            if (control.cellInterrupted()) {
                throw new CellInterruptedException();
            }
            result = evalPiece(cell, cellNo, piece);
        }
        return result;
    }

    private Optional<CellValue> evalPiece(String cell, int cellNo, CellSplitter.Piece piece) throws CellFailure {
        Optional<String> capture = ValueCapture.declaration(piece);
        if (capture.isPresent()) {
            List<SnippetEvent> events = shell.eval(capture.get());
            SnippetEvent main = mainEvent(events);
            if (main != null && main.status() == Snippet.Status.VALID) {
                return finish(cell, cellNo, piece, events, true);
            }
            if (main != null && main.status().isActive()) {
                shell.drop(main.snippet()); // recoverable: it must not run later, when its references appear
            }
        }
        return finish(cell, cellNo, piece, shell.eval(piece.source()), false);
    }

    private static SnippetEvent mainEvent(List<SnippetEvent> events) {
        return events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
    }

    private Optional<CellValue> finish(String cell, int cellNo, CellSplitter.Piece piece, List<SnippetEvent> events,
                                       boolean captured) throws CellFailure {
        if (control.takeStopped()) {
            throw new CellInterruptedException();
        }
        SnippetEvent main = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null) {
                main = e;
                locations.put(e.snippet().id(), cellNo, CellLocations.lineOf(cell, piece.codeStart()));
            } else {
                noticeUpdate(e);
            }
        }
        if (main == null) {
            return Optional.empty();
        }
        Snippet snippet = main.snippet();
        if (main.status() == Snippet.Status.REJECTED) {
            List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
            if (errors.isEmpty() && !piece.complete()) {
                throw new IncompleteCellException("from line " + CellLocations.lineOf(cell, piece.codeStart()));
            }
            throw ErrorFormatter.compile(cell, cellNo, piece, errors);
        }
        if (main.exception() instanceof UnresolvedReferenceException u) {
            throw new UnresolvedReferenceFailure(describe(u.getSnippet()) + " cannot be used until "
                    + String.join(", ", shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.toList()))
                    + " is declared.");
        }
        if (main.exception() instanceof EvalException ee) {
            throw ErrorFormatter.runtime(ee, locations);
        }
        if (main.status() == Snippet.Status.RECOVERABLE_DEFINED
                || main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            notices.println("Note: " + describe((DeclarationSnippet) snippet) + " was created, but cannot be used "
                    + "until " + String.join(", ", shell.unresolvedDependencies((DeclarationSnippet) snippet)
                    .collect(Collectors.toList())) + " is declared.");
        }
        return captured || ResultPolicy.shows(snippet, piece) ? Optional.of(new CellValue(control.lastValue())) : Optional.empty();
    }

    /** A variable whose class changed shape loses its value, as in JShell: say so, and how to get it back. */
    private void noticeUpdate(SnippetEvent e) {
        if (e.snippet() instanceof VarSnippet v && e.status() == Snippet.Status.VALID
                && e.isSignatureChange()) {
            notices.println("Note: variable " + v.name() + " was reset to its default value because a type it "
                    + "uses changed; re-run the cell that sets it.");
        }
    }

    private static String describe(DeclarationSnippet s) {
        switch (s.kind()) {
            case METHOD: return "method " + s.name() + "()";
            case TYPE_DECL: return "class " + s.name();
            case VAR: return "variable " + s.name();
            default: return s.name();
        }
    }

    /**
     * Asks the running cell to stop (from any thread) and returns at once: its threads are interrupted, and
     * stopped if they are still running after a grace period. The cell's remaining snippets do not run; the
     * next cell runs normally.
     */
    public void interrupt() {
        control.interrupt();
    }

    /**
     * Adds a jar or class folder to the classpath of later cells. A file that cannot be read as a zip is refused:
     * JShell would take it, and javac would then fail every later cell with an internal error.
     *
     * @throws IllegalArgumentException for such a file; the classpath is unchanged
     */
    public void addToClasspath(String path) {
        Path entry = Path.of(path);
        if (Files.isRegularFile(entry)) {
            try (ZipFile ignored = new ZipFile(entry.toFile())) {
                // opening reads the zip's directory: that is the whole check
            } catch (IOException e) {
                throw new IllegalArgumentException(entry.toAbsolutePath() + " cannot be read as a jar (" + e.getMessage()
                        + "): the file is damaged or is not a jar, and was not added to the classpath. Replace it "
                        + "(download or build it again) and run the cell again.");
            }
        }
        shell.addToClasspath(path);
    }

    @Override
    public void close() {
        shell.close();
    }
}
