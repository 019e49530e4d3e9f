package org.cnnlab.kernel.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/** Completion, documentation and completeness of a cell, from JShell's own source analysis. */
public final class CodeInsight {
    /** Candidates replacing the cell's text between {@code start} and {@code end}. */
    public record Completions(List<String> matches, int start, int end) {}

    /** A signature and its javadoc (HTML as written in the source), for what is under the cursor. */
    public record Doc(String signature, String javadoc) {}

    /** complete / incomplete / invalid, with the indent to continue an incomplete cell with. */
    public record Verdict(String status, String indent) {}

    /** Put before a cell's text so that what its earlier statements declare is known as local variables. */
    private static final String BLOCK = "{\n";
    /** How JShell documents a variable: "name:type". */
    private static final Pattern VARIABLE =
            Pattern.compile("(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*):(\\S.*)");

    private final SourceCodeAnalysis analysis;
    private final SourceJavadoc sources;

    /** Javadoc comes from the JDK's src.zip (JShell's own lookup) and the source jars named by cnnlab.sources. */
    public CodeInsight(JShellEvaluator evaluator) {
        this.analysis = evaluator.shell().sourceCodeAnalysis();
        this.sources = SourceJavadoc.fromSystemProperty();
    }

    public Completions complete(String cell, int cursor) {
        CellSplitter.Piece current = CellSplitter.currentAt(analysis, cell, cursor);
        int end = Math.min(cursor, cell.length());
        Completions alone = suggest(current.source(), current.start(), end);
        if (current.start() == 0) {
            return alone;
        }
        // The cell's earlier statements have not run yet, so the session does not know the variables they declare
        // ("var conv = Conv.byHand(...);" then "conv.st" on the next line). Opening a block before them makes them
        // local variables JShell can see; javac's error recovery gets past magics, imports and methods there.
        String before = blankMagicLines(cell.substring(0, end));
        Completions inCell = suggest(BLOCK + before, -BLOCK.length(), end);
        if (inCell.start() != alone.start()) {
            return alone;
        }
        Set<String> matches = new LinkedHashSet<>(inCell.matches());
        // JShell offers no local variables for a bare name, so the names the cell declares are added here.
        String typed = cell.substring(alone.start(), end);
        boolean bareName = alone.start() == 0 || cell.charAt(alone.start() - 1) != '.';
        if (bareName) {
            for (String name : declaredIn(before.substring(0, current.start()))) {
                if (name.startsWith(typed)) {
                    matches.add(name);
                }
            }
        }
        matches.addAll(alone.matches());
        return new Completions(new ArrayList<>(matches), alone.start(), end);
    }

    /** The names {@code code}'s snippets declare, analysed, not run: "count", "twice(" for a method, "Point". */
    private List<String> declaredIn(String code) {
        List<String> names = new ArrayList<>();
        for (CellSplitter.Piece piece : CellSplitter.split(analysis, code)) {
            if (piece.complete()) {
                for (Snippet snippet : analysis.sourceToSnippets(piece.source())) {
                    if (snippet instanceof DeclarationSnippet declared) {
                        names.add(declared.name() + (snippet instanceof MethodSnippet ? "(" : ""));
                    }
                }
            }
        }
        return names;
    }

    /** JShell's suggestions for the end of {@code source}, which starts at {@code offset} in the cell. */
    private Completions suggest(String source, int offset, int end) {
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(source, source.length(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        for (Suggestion s : suggestions) {
            if (s.matchesType()) {
                matches.add(s.continuation());
            }
        }
        for (Suggestion s : suggestions) {
            matches.add(s.continuation());
        }
        return new Completions(new ArrayList<>(matches), offset + anchor[0], end);
    }

    public List<Doc> documentation(String cell, int cursor) {
        int end = cursor;
        while (end < cell.length() && Character.isJavaIdentifierPart(cell.charAt(end))) {
            end++;
        }
        CellSplitter.Piece current = CellSplitter.currentAt(analysis, cell, end);
        List<Documentation> found = documented(current.source());
        if (found.isEmpty() && current.start() > 0) {
            // As for completion: what the cell's earlier statements declare is known inside a block.
            found = documented(BLOCK + blankMagicLines(cell.substring(0, end)));
        }
        List<Doc> docs = new ArrayList<>();
        for (Documentation d : found) {
            String javadoc = javadocOf(d);
            Matcher variable = VARIABLE.matcher(d.signature());
            if (javadoc.isEmpty() && variable.matches()) {
                // JShell documents a variable as "name:type" only; its type's javadoc says what it holds.
                String type = variable.group(2).replaceAll("<.*|\\[.*", "");
                javadoc = documented(type).stream().map(this::javadocOf).filter(j -> !j.isEmpty()).findFirst()
                        .orElse("");
            }
            docs.add(new Doc(d.signature(), javadoc));
        }
        return docs;
    }

    /** JShell's javadoc (from the JDK's src.zip), else the one in the source jars. */
    private String javadocOf(Documentation d) {
        return Optional.ofNullable(d.javadoc()).filter(j -> !j.isBlank()).or(() -> sources.javadoc(d.signature()))
                .orElse("");
    }

    private List<Documentation> documented(String source) {
        List<Documentation> found = analysis.documentation(source, source.length(), true);
        if (found.isEmpty()) {
            // JShell documents a method from inside its call; "Math.abs" becomes "Math.abs(".
            found = analysis.documentation(source + "(", source.length() + 1, true);
        }
        return found;
    }

    /** Whether a front end should run the cell on Enter, or open a new line with the given indent. */
    public Verdict completeness(String cell) {
        String code = blankMagicLines(cell);
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return new Verdict("incomplete", "    ".repeat(Math.max(1, openBraces(code))));
            }
            if (c == Completeness.UNKNOWN) {
                return new Verdict("invalid", "");
            }
            if (info.remaining().length() >= rest.length()) {
                break;
            }
            rest = info.remaining();
        }
        return openBraces(code) < 0 ? new Verdict("invalid", "") : new Verdict("complete", "");
    }

    /** The cell with each magic line ({@code %time}, {@code %%jars ...}) blanked, every offset kept. */
    private static String blankMagicLines(String cell) {
        StringBuilder b = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            b.append(isMagic(line) ? " ".repeat(line.length()) : line).append('\n');
        }
        return b.substring(0, cell.length());
    }

    private static boolean isMagic(String line) {
        return line.stripLeading().startsWith("%");
    }

    /** Unclosed {@code {} minus closing ones, ignoring strings, chars and comments. */
    static int openBraces(String code) {
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(code, i, c);
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? code.length() : nl;
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? code.length() : close + 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return depth;
    }

    private static int skipQuoted(String code, int i, char quote) {
        for (int j = i + 1; j < code.length(); j++) {
            char c = code.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote || c == '\n') {
                return j;
            }
        }
        return code.length();
    }
}
