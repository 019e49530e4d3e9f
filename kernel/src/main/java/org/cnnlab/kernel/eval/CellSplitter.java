package org.cnnlab.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Cuts a cell into JShell snippets (one statement, declaration or expression each), remembering where each
 * starts in the cell so that errors can name the cell's own line and column.
 */
final class CellSplitter {
    /** One snippet: its source as JShell wants it, where it starts in the cell, and how complete it is. */
    record Piece(String source, int start, Completeness completeness) {
        boolean complete() {
            return completeness.isComplete();
        }

        /** Offset of the snippet's first non-blank character in the cell. */
        int codeStart() {
            return start + leadingWhitespace(source);
        }
    }

    private CellSplitter() {}

    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        int pos = 0;
        while (pos < cell.length()) {
            String rest = cell.substring(pos);
            if (rest.isBlank()) {
                break;
            }
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (c.isComplete()) {
                pieces.add(new Piece(info.source(), pos + startOf(rest, info.source()), c));
                int consumed = rest.length() - info.remaining().length();
                if (consumed <= 0) {
                    break;
                }
                pos += consumed;
            } else {
                pieces.add(new Piece(rest, pos + leadingWhitespace(rest), c));
                break;
            }
        }
        return pieces;
    }

    /** The text of the snippet the cursor is in, from its start up to the cursor, and where it starts. */
    static Piece currentAt(SourceCodeAnalysis analysis, String cell, int cursor) {
        String before = cell.substring(0, Math.min(cursor, cell.length()));
        int pos = 0;
        while (true) {
            String rest = before.substring(pos);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                return new Piece(rest, pos, info.completeness());
            }
            int consumed = rest.length() - info.remaining().length();
            if (consumed <= 0) {
                return new Piece(rest, pos, info.completeness());
            }
            pos += consumed;
        }
    }

    /** Where the snippet's source (which may keep leading blank lines) starts in the remaining text. */
    private static int startOf(String rest, String source) {
        if (rest.startsWith(source) || rest.indexOf(source) >= 0) {
            return Math.max(0, rest.indexOf(source));
        }
        String head = source.strip();
        head = head.substring(0, Math.min(12, head.length()));
        int i = head.isEmpty() ? -1 : rest.indexOf(head);
        return i >= 0 ? i : leadingWhitespace(rest);
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
