package org.cnnlab.kernel;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.cnnlab.kernel.display.CellStreams;
import org.cnnlab.kernel.display.Notebook;
import org.cnnlab.kernel.display.NotebookDisplayHost;
import org.cnnlab.kernel.display.OutputSink;
import org.cnnlab.kernel.eval.CellFailure;
import org.cnnlab.kernel.eval.CellInterruptedException;
import org.cnnlab.kernel.eval.CodeInsight;
import org.cnnlab.kernel.eval.JShellEvaluator;
import org.cnnlab.kernel.eval.QuickCompleteness;
import org.cnnlab.kernel.protocol.DisplayData;
import org.cnnlab.kernel.protocol.ErrorReport;
import org.cnnlab.kernel.protocol.ExecuteOutcome;
import org.cnnlab.kernel.input.CellInput;
import org.cnnlab.kernel.launch.JShellStartup;
import org.cnnlab.kernel.launch.StartupTrace;
import org.cnnlab.kernel.protocol.IoPub;
import org.cnnlab.kernel.protocol.StdinChannel;
import org.cnnlab.kernel.protocol.LanguageKernel;
import org.cnnlab.render.Display;
import org.cnnlab.runtime.CnnLabRuntime;
import org.cnnlab.render.DisplayHandle;
import org.cnnlab.render.MimeBundle;

/**
 * Java for the protocol layer: cells go to JShell (through magics), results are rendered by cnn-api's
 * {@link Display#bundleOf}, printed text and displays reach the executing cell. JShell starts on a
 * background thread (see {@link #beginStart}) while the kernel already answers; the first request that needs
 * it waits.
 */
final class JavaKernel implements LanguageKernel {
    static final String STARTUP_IMPORTS = "/org/cnnlab/imports.txt";

    private final CellStreams streams;
    private final CompletableFuture<Ready> ready;
    /** True while an execute request waits for JShell to start: an interrupt then cancels that cell. */
    private volatile boolean cellWaiting;
    /** Set when any request needs JShell before it is ready: the warm-up then stops, for it. */
    private final AtomicBoolean requestWaiting;
    private volatile boolean interruptedWhileWaiting;

    private record Ready(JShellEvaluator evaluator, CodeInsight insight, CellRunner runner) {}

    /** JShell while it starts, and where its notices go once the notebook's stderr exists. */
    record Starting(CompletableFuture<Ready> ready, LateStream notices, AtomicBoolean requestWaiting) {}

    /**
     * Starts JShell, its imports and a warm-up evaluation on a background thread, and returns at once. Called
     * first thing in {@code main}: javac's first use costs most of a second, which then overlaps the socket
     * set-up and the front end's first requests instead of following them.
     */
    static Starting beginStart() {
        LateStream notices = new LateStream();
        PrintStream stream = notices.printStream();
        AtomicBoolean requestWaiting = new AtomicBoolean();
        CompletableFuture<Ready> ready = CompletableFuture.supplyAsync(() -> start(stream, requestWaiting), runnable -> {
            Thread t = new Thread(runnable, "cnnlab-jshell-start");
            t.setDaemon(true);
            t.start();
        });
        return new Starting(ready, notices, requestWaiting);
    }

    JavaKernel(IoPub iopub, StdinChannel stdin, Starting starting) {
        OutputSink sink = new IoPubSink(iopub);
        this.streams = new CellStreams(sink);
        PrintStream out = streams.out();
        PrintStream err = streams.err();
        System.setOut(out);
        System.setErr(err);
        CellInput.install(new CellInput(stdin::readLine, streams::flush));
        Display.install(new NotebookDisplayHost(sink, streams::flush));
        Notebook.connect(sink);
        starting.notices().connect(err);
        this.ready = starting.ready();
        this.requestWaiting = starting.requestWaiting();
    }

    private static Ready start(PrintStream notices, AtomicBoolean requestWaiting) {
        StartupTrace.mark("jshell start");
        CnnLabRuntime.init(); // main applies it too, maybe later than this thread needs it
        JShellEvaluator evaluator = new JShellEvaluator(notices);
        StartupTrace.mark("jshell built");
        evaluator.importQuietly(startupSnippets());
        StartupTrace.mark("imports done");
        CodeInsight insight = new CodeInsight(evaluator);
        if (!requestWaiting.get()) {
            // A request already waiting warms javac itself: a throw-away evaluation first would only delay it.
            insight.completeness("int warmUp = 1;");
            warmUp(evaluator);
        }
        StartupTrace.mark("warm-up done");
        return new Ready(evaluator, insight, new CellRunner(evaluator));
    }

    /**
     * Runs an expression cell's path once, evaluating and rendering, while the user is still reading the
     * notebook: the first expression otherwise pays ~0.5 s of javac warming up. It loads no DJL engine.
     */
    private static void warmUp(JShellEvaluator evaluator) {
        try {
            evaluator.eval("1 + 1", 0).ifPresent(v -> render(v.value()));
        } catch (Exception e) {
            // Only a warm-up: a failure here shows again, with its message, in the user's first cell.
        }
    }

    /**
     * Our notebook helpers' import first (it keys the combined snippet, see
     * {@link JShellEvaluator#importQuietly}), then cnn-api's default imports whose packages exist (JShell
     * would reject the others, slowly).
     */
    static List<String> startupSnippets() {
        List<String> snippets = new ArrayList<>();
        snippets.add("import static org.cnnlab.kernel.display.Notebook.*;");
        try (InputStream in = JavaKernel.class.getResourceAsStream(STARTUP_IMPORTS)) {
            if (in != null) {
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip)
                        .filter(l -> l.startsWith("import "))
                        .filter(JShellStartup::packageExists)
                        .forEach(snippets::add);
            }
        } catch (java.io.IOException e) {
            System.err.println("cnnlab kernel: could not read the default imports: " + e.getMessage());
        }
        return snippets;
    }

    private Ready ready() {
        if (!ready.isDone()) {
            requestWaiting.set(true);
        }
        return ready.join();
    }

    @Override
    public LanguageInfo info() {
        String version = System.getProperty("java.version");
        return new LanguageInfo("java", version, "text/x-java-source", ".jshell",
                "Java " + version + " on JShell, with cnn-api loaded (cnnlab kernel). "
                        + "display(x) shows anything; %lsmagic lists the magics.",
                Main.version());
    }

    /**
     * JShell for a cell, waiting for it to start if need be. An interrupt that comes during that wait cancels
     * the cell (it never runs), as it would a running one: nothing reaches a cell that has not started.
     */
    private Ready readyForCell() throws CellInterruptedException {
        if (ready.isDone()) {
            return ready();
        }
        interruptedWhileWaiting = false;
        cellWaiting = true;
        try {
            Ready r = ready();
            if (interruptedWhileWaiting) {
                throw new CellInterruptedException();
            }
            return r;
        } finally {
            cellWaiting = false;
        }
    }

    @Override
    public ExecuteOutcome execute(String code, int executionCount) {
        try {
            Optional<JShellEvaluator.CellValue> value = readyForCell().runner().run(code, executionCount);
            streams.flush();
            if (value.isEmpty() || value.get().value() instanceof DisplayHandle) {
                return ExecuteOutcome.nothing();
            }
            return new ExecuteOutcome.Success(Optional.of(render(value.get().value())));
        } catch (CellFailure f) {
            streams.flush();
            return new ExecuteOutcome.Failure(new ErrorReport(f.ename(), f.evalue(), f.traceback()));
        } catch (org.cnnlab.kernel.magic.MagicException e) {
            streams.flush();
            return failure("MagicError", e.getMessage());
        } catch (Exception | Error e) {
            streams.flush();
            return failure(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    @Override
    public ExecuteOutcome evaluate(String expression, int executionCount) {
        try {
            Optional<JShellEvaluator.CellValue> value = ready().evaluator().eval(expression, executionCount);
            streams.flush();
            if (value.isEmpty()) {
                return failure("NotAnExpression", "'" + expression.strip() + "' has no value: write an expression "
                        + "without a closing semicolon.");
            }
            return new ExecuteOutcome.Success(Optional.of(render(value.get().value())));
        } catch (CellFailure f) {
            streams.flush();
            return new ExecuteOutcome.Failure(new ErrorReport(f.ename(), f.evalue(), f.traceback()));
        } catch (Exception | Error e) {
            streams.flush();
            return failure(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    private static ExecuteOutcome failure(String ename, String evalue) {
        return new ExecuteOutcome.Failure(new ErrorReport(ename, evalue, List.of(ename + ": " + evalue)));
    }

    /** The value's bundle from cnn-api; should rendering fail, its text and a note on stderr. */
    static DisplayData render(Object value) {
        MimeBundle b;
        try {
            b = Display.bundleOf(value);
        } catch (RuntimeException e) {
            System.err.println("Could not draw the result (" + e + "); showing its text.");
            b = MimeBundle.text(String.valueOf(value));
        }
        return new DisplayData(b.data(), b.metadata());
    }

    @Override
    public Completions complete(String code, int cursor) {
        CodeInsight.Completions c = ready().insight().complete(code, cursor);
        return new Completions(c.matches(), c.start(), c.end());
    }

    @Override
    public Optional<DisplayData> inspect(String code, int cursor, int detailLevel) {
        List<CodeInsight.Doc> docs = ready().insight().documentation(code, cursor);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        String text = docs.stream().map(d -> d.signature() + (d.javadoc().isBlank() ? "" : "\n\n"
                + Javadoc.toText(d.javadoc()))).collect(Collectors.joining("\n\n"));
        String html = docs.stream().map(d -> "<pre>" + Javadoc.escape(d.signature()) + "</pre>"
                + (d.javadoc().isBlank() ? "" : "<div>" + d.javadoc() + "</div>")).collect(Collectors.joining("<hr>"));
        return Optional.of(new DisplayData(java.util.Map.of("text/plain", text, "text/html", html), java.util.Map.of()));
    }

    @Override
    public Completeness isComplete(String code) {
        // Answered at once while JShell still starts: a console waits about a second for this reply.
        CodeInsight.Verdict v = ready.isDone() ? ready().insight().completeness(code) : QuickCompleteness.judge(code);
        return new Completeness(v.status(), v.indent());
    }

    @Override
    public void interrupt() {
        if (ready.isDone()) {
            ready().evaluator().interrupt();
        } else if (cellWaiting) {
            interruptedWhileWaiting = true;
        }
    }

    @Override
    public void shutdown() {
        streams.close();
        if (ready.isDone()) {
            ready().evaluator().close();
        }
    }

    /** cnn-api bundles onto IOPub. */
    private static final class IoPubSink implements OutputSink {
        private final IoPub iopub;

        IoPubSink(IoPub iopub) {
            this.iopub = iopub;
        }

        @Override
        public void stream(String name, String text) {
            iopub.stream(name, text);
        }

        @Override
        public void display(MimeBundle bundle, String displayId, boolean update) {
            iopub.display(new DisplayData(bundle.data(), bundle.metadata()), displayId, update);
        }

        @Override
        public void clearOutput(boolean wait) {
            iopub.clearOutput(wait);
        }
    }
}
