package org.cnnlab.kernel.eval;

import java.util.Optional;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Evaluates a cell's closing expression as a declaration, {@code Object $value = 1+1;}, because that is
 * JShell's cheapest path: an expression snippet costs four javac passes (its type, the type of a temporary
 * variable, a check, the compile), a declaration with a written type two. The kernel needs the value, not
 * JShell's {@code $1} variables or the static type, so nothing is lost; {@code $value} holds only the last
 * result. Should the declaration not compile (a {@code void} call, say),
 * the evaluator drops it and runs the cell's own text, so users see the errors of what they wrote.
 */
final class ValueCapture {
    /** The variable the last shown value lives in. */
    static final String VARIABLE = "$value";

    /** First words that begin a statement or declaration, never a value: not worth a try. */
    private static final Set<String> NOT_VALUES = Set.of("if", "for", "while", "do", "switch", "try",
            "synchronized", "class", "interface", "enum", "record", "void", "public", "private", "protected",
            "static", "final", "abstract");

    private ValueCapture() {}

    /** The declaration to try for a piece whose value the cell shows; empty when it cannot be a value. */
    static Optional<String> declaration(CellSplitter.Piece piece) {
        String source = piece.source();
        // JShell calls an expression without its semicolon COMPLETE; a declaration or statement missing
        // one is COMPLETE_WITH_SEMI. Code ending in a brace is a block, a method or a class, unless it
        // creates an array or an anonymous class.
        if (piece.completeness() != Completeness.COMPLETE || ResultPolicy.endsWithSemicolon(source)) {
            return Optional.empty();
        }
        int start = 0;
        while (start < source.length() && Character.isWhitespace(source.charAt(start))) {
            start++;
        }
        String code = source.substring(start);
        if (NOT_VALUES.contains(firstWord(code)) || (code.strip().endsWith("}") && !code.startsWith("new "))) {
            return Optional.empty();
        }
        // The code stays on its own lines (errors and stack traces name the cell's lines); the semicolon
        // goes on a line of its own, past a trailing // comment.
        return Optional.of(source.substring(0, start) + "Object " + VARIABLE + " = " + code + "\n;");
    }

    private static String firstWord(String code) {
        int end = 0;
        while (end < code.length() && (Character.isJavaIdentifierPart(code.charAt(end)) || code.charAt(end) == '@')) {
            end++;
        }
        return code.substring(0, end);
    }
}
