package org.cnnlab.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/**
 * Writes failures for people: compile errors name the cell's line and column and mark the offending code
 * with {@code ^^^}; runtime exceptions keep their real class and message and show the cell's lines, with
 * the kernel's and JShell's own frames cut away.
 */
final class ErrorFormatter {
    private static final String[] INTERNAL_PREFIXES = {
        "jdk.internal.reflect.", "java.lang.reflect.Method.", "jdk.jshell.", "org.cnnlab.kernel.",
        "java.lang.Thread.run",
    };

    private ErrorFormatter() {}

    static CompileErrorException compile(String cell, int cellNo, CellSplitter.Piece piece, List<Diag> errors) {
        List<String> blocks = new ArrayList<>();
        String first = null;
        for (Diag d : errors) {
            String message = cleanMessage(d.getMessage(Locale.ROOT));
            if (first == null) {
                first = message.lines().findFirst().orElse(message);
            }
            long startPos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            long endPos = Math.max(d.getEndPosition(), startPos + 1);
            int start = clamp(piece.start() + (int) Math.max(startPos, 0), cell.length());
            int end = clamp(piece.start() + (int) endPos, cell.length());
            int line = CellLocations.lineOf(cell, start);
            int column = CellLocations.columnOf(cell, start);
            StringBuilder b = new StringBuilder();
            b.append("Compile error in cell [").append(cellNo).append("], line ").append(line)
                    .append(", column ").append(column).append(": ").append(message.replace("\n", "\n    "));
            b.append('\n').append(markedLine(cell, start, end));
            blocks.add(b.toString());
        }
        return new CompileErrorException(first == null ? "the cell does not compile" : first, blocks);
    }

    /** The source line holding {@code start}, and under it {@code ^} from start to end (or the line's end). */
    static String markedLine(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start > 0 && text.charAt(Math.min(start, text.length()) - 1) == '\n') {
            lineStart = start;
        }
        int lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String source = text.substring(lineStart, lineEnd);
        int from = start - lineStart;
        int to = Math.max(from + 1, Math.min(end, lineEnd) - lineStart);
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < from; i++) {
            marks.append(i < source.length() && source.charAt(i) == '\t' ? '\t' : ' ');
        }
        marks.append("^".repeat(to - from));
        return "    " + source + "\n    " + marks;
    }

    static UserCodeException runtime(EvalException e, CellLocations locations) {
        List<String> lines = new ArrayList<>();
        JShellException current = e;
        boolean first = true;
        while (current != null) {
            String cls = current instanceof EvalException ee ? ee.getExceptionClassName() : current.getClass().getName();
            String msg = current.getMessage();
            lines.add((first ? "" : "Caused by: ") + cls + (msg == null ? "" : ": " + msg));
            for (StackTraceElement frame : current.getStackTrace()) {
                if (isInternal(frame)) {
                    break;
                }
                lines.add("    at " + describe(frame, locations));
            }
            first = false;
            current = current.getCause() instanceof JShellException next ? next : null;
        }
        String ename = e.getExceptionClassName();
        return new UserCodeException(ename, e.getMessage() == null ? "" : e.getMessage(), lines);
    }

    static String describe(StackTraceElement frame, CellLocations locations) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            String where = locations.of(file.substring(1))
                    .map(l -> l.describe(frame.getLineNumber()))
                    .orElse("an earlier snippet, line " + frame.getLineNumber());
            String method = userMethod(frame);
            return method.isEmpty() ? where : method + " (" + where + ")";
        }
        return frame.toString();
    }

    /** {@code Foo.bar} for a method of a class declared in a cell, {@code bar} for a top-level method. */
    private static String userMethod(StackTraceElement frame) {
        String method = frame.getMethodName();
        String cls = frame.getClassName();
        if (method.isEmpty() || method.startsWith("do_it$")) {
            return "";
        }
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        if (method.equals("<init>")) {
            return "new " + simple;
        }
        return simple.isEmpty() ? method : simple + "." + method;
    }

    private static boolean isInternal(StackTraceElement frame) {
        String where = frame.getClassName() + "." + frame.getMethodName();
        for (String prefix : INTERNAL_PREFIXES) {
            if (where.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** javac's message without the location lines that name JShell's wrapper classes. */
    static String cleanMessage(String message) {
        StringBuilder b = new StringBuilder();
        for (String line : message.split("\n")) {
            if (line.strip().startsWith("location:") && line.contains("$JShell$")) {
                continue;
            }
            if (line.strip().equals("location: class")) {
                continue;
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(line);
        }
        return b.toString();
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
