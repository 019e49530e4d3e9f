package org.cnnlab.kernel.eval;

/**
 * Judges whether a cell is complete without JShell, for the first seconds after start while JShell is
 * still warming up: a console front end asks at once and waits only about a second. Open brackets,
 * strings, text blocks and comments, or a last character that needs something after it ({@code =}, an
 * operator, a comma, a dot, an arrow), make the cell incomplete; anything else is taken as complete and
 * JShell judges it properly when it runs.
 */
public final class QuickCompleteness {
    private static final String NEEDS_MORE = "=+-*/%&|^!<>?:,.";

    private QuickCompleteness() {}

    public static CodeInsight.Verdict judge(String code) {
        int depth = 0;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                if (end < 0) {
                    return incomplete(0);
                }
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = endOfQuoted(code, i, c);
                if (end < 0) {
                    return new CodeInsight.Verdict("invalid", ""); // a string cannot span lines
                }
                i = end + 1;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) {
                    return incomplete(depth);
                }
                i = end + 2;
            } else {
                depth += "({[".indexOf(c) >= 0 ? 1 : ")}]".indexOf(c) >= 0 ? -1 : 0;
                i++;
            }
        }
        if (depth > 0) {
            return incomplete(depth);
        }
        String last = code.strip();
        if (!last.isEmpty() && NEEDS_MORE.indexOf(last.charAt(last.length() - 1)) >= 0) {
            return incomplete(1);
        }
        return new CodeInsight.Verdict("complete", "");
    }

    /** The index of the closing quote, or -1 when the line ends first. */
    private static int endOfQuoted(String code, int start, char quote) {
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static CodeInsight.Verdict incomplete(int depth) {
        return new CodeInsight.Verdict("incomplete", "    ".repeat(Math.max(depth, 1)));
    }
}
