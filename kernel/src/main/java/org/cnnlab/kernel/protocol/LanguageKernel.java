package org.cnnlab.kernel.protocol;

import java.util.List;
import java.util.Optional;

/**
 * What the protocol layer needs from a language: it evaluates, completes, documents and judges code, and
 * never sees a socket. Output produced while executing goes to {@link IoPub} through whatever the
 * implementation was wired to.
 */
public interface LanguageKernel {
    LanguageInfo info();

    /** Runs a cell; blocks until it ends, fails or is interrupted. */
    ExecuteOutcome execute(String code, int executionCount);

    /**
     * Evaluates one of an execute request's {@code user_expressions}, after its cell: a success carries the
     * value's bundle (never empty), a failure says why there is none.
     */
    ExecuteOutcome evaluate(String expression, int executionCount);

    Completions complete(String code, int cursor);

    /** Documentation for what is under the cursor, if anything is known about it. */
    Optional<DisplayData> inspect(String code, int cursor, int detailLevel);

    Completeness isComplete(String code);

    /** Stops the running cell, from another thread; returns at once. */
    void interrupt();

    /** Releases resources before the process ends. */
    void shutdown();

    record LanguageInfo(String name, String version, String mimetype, String fileExtension, String banner,
                        String implementationVersion) {}

    record Completions(List<String> matches, int cursorStart, int cursorEnd) {}

    /** {@code status} is complete, incomplete, invalid or unknown; {@code indent} matters when incomplete. */
    record Completeness(String status, String indent) {}
}
