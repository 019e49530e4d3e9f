package org.cnnlab.kernel.eval;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calls that would end the JVM in a cell's source: {@code System.exit(..)}, {@code Runtime.getRuntime()
 * .exit(..)} or {@code .halt(..)}, and the method references {@code System::exit}, {@code Runtime::halt}.
 * Comments, strings, text blocks and character literals are skipped, so {@code "System.exit("} in a string
 * is no call. This is what keeps a cell from ending the kernel on Java 24 and later, where no
 * SecurityManager can be installed (see {@link ExitGuard}); it reads only the cell, so an exit reached
 * through a variable holding the {@code Runtime}, or inside a library, is not seen.
 */
final class ExitCalls {
    private static final Pattern CALL = Pattern.compile(
            "\\bSystem\\s*\\.\\s*exit\\s*\\("
            + "|\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(?:exit|halt)\\s*\\("
            + "|\\b(?:System|Runtime)\\s*::\\s*(?:exit|halt)\\b"
            + "|\\bimport\\s+static\\s+java\\s*\\.\\s*lang\\s*\\.\\s*System\\s*\\.\\s*exit\\b");

    private ExitCalls() {}

    /** The first exit call in {@code source}, as written without spaces or its {@code (}; empty when none. */
    static Optional<String> find(String source) {
        Matcher m = CALL.matcher(codeOnly(source));
        if (!m.find()) {
            return Optional.empty();
        }
        String call = source.substring(m.start(), m.end());
        call = call.startsWith("import") ? call.replaceAll("\\s+", " ") : call.replaceAll("\\s+", "");
        return Optional.of(call.endsWith("(") ? call.substring(0, call.length() - 1) : call);
    }

    /** {@code source} with comments and literals blanked out, offsets unchanged. */
    static String codeOnly(String source) {
        StringBuilder b = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = indexOr(source, "\n", i, n);
            } else if (source.startsWith("/*", i)) {
                end = indexOr(source, "*/", i + 2, n - 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = closing(source, i + 3, "\"\"\"") + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = closing(source, i + 1, String.valueOf(source.charAt(i))) + 1;
            } else {
                i++;
                continue;
            }
            end = Math.min(end, n);
            for (int k = i; k < end; k++) {
                if (b.charAt(k) != '\n') {
                    b.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return b.toString();
    }

    /** Index of the unescaped {@code quote} closing a literal that starts at {@code from}, or the end. */
    private static int closing(String s, int from, String quote) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(quote, i)) {
                return i;
            } else if (quote.length() == 1 && s.charAt(i) == '\n') {
                return i - 1; // an unclosed literal ends at its line; javac reports it
            }
        }
        return s.length();
    }

    private static int indexOr(String s, String what, int from, int fallback) {
        int at = s.indexOf(what, from);
        return at < 0 ? fallback : at;
    }
}
