package org.cnnlab.kernel.eval;

import jdk.jshell.Snippet;

/**
 * Which snippets show their value as the cell's result: an expression the user did not end with a
 * semicolon ({@code 1 + 1}, {@code chart}, {@code x = 5}), as in IPython. {@code display(x);},
 * {@code int n = 3;} and statements show nothing.
 */
final class ResultPolicy {
    private ResultPolicy() {}

    static boolean shows(Snippet snippet, CellSplitter.Piece piece) {
        boolean expression = snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        return expression && snippet.subKind().hasValue() && !endsWithSemicolon(piece.source());
    }

    /** True when the code's last character, ignoring a trailing line comment and blanks, is {@code ;}. */
    static boolean endsWithSemicolon(String source) {
        String s = source.strip();
        int lastLine = s.lastIndexOf('\n') + 1;
        int comment = s.indexOf("//", lastLine);
        if (comment >= 0 && s.lastIndexOf('"') < comment) {
            s = s.substring(0, comment).strip();
        }
        return s.endsWith(";");
    }
}
