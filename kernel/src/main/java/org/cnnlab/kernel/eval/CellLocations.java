package org.cnnlab.kernel.eval;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where each snippet came from: which cell and at which of its lines, so stack traces can say so. */
final class CellLocations {
    record Location(int cell, int firstLine) {
        String describe(int lineInSnippet) {
            return "cell [" + cell + "], line " + (firstLine + Math.max(lineInSnippet, 1) - 1);
        }
    }

    private final Map<String, Location> bySnippetId = new ConcurrentHashMap<>();

    void put(String snippetId, int cell, int firstLine) {
        bySnippetId.put(snippetId, new Location(cell, firstLine));
    }

    Optional<Location> of(String snippetId) {
        return Optional.ofNullable(bySnippetId.get(snippetId));
    }

    /** Line number (1-based) of a character offset in a text. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Column (1-based) of a character offset in a text. */
    static int columnOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1;
        return offset - lineStart + 1;
    }
}
