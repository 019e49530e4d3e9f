package org.cnnlab.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * The requests about a cell's code rather than running it: completion, documentation (inspect) and
 * completeness. Cursor positions arrive in Unicode code points and are checked against the code.
 */
final class CodeRequests {
    private final LanguageKernel language;

    CodeRequests(LanguageKernel language) {
        this.language = language;
    }

    JsonObject complete(JsonObject c) {
        String code = Fields.requiredString(c, "content", "code");
        int cursor = cursor(c, code);
        LanguageKernel.Completions found = language.complete(code, cursor);
        JsonObject r = RequestHandlers.ok();
        r.add("matches", IoPub.strings(found.matches()));
        r.addProperty("cursor_start", code.codePointCount(0, found.cursorStart()));
        r.addProperty("cursor_end", code.codePointCount(0, found.cursorEnd()));
        r.add("metadata", new JsonObject());
        return r;
    }

    JsonObject inspect(JsonObject c) {
        String code = Fields.requiredString(c, "content", "code");
        int cursor = cursor(c, code);
        int detail = Fields.optionalInt(c, "content", "detail_level", 0);
        Optional<DisplayData> doc = language.inspect(code, cursor, detail);
        JsonObject r = doc.map(IoPub::bundle).orElseGet(() -> {
            JsonObject empty = new JsonObject();
            empty.add("data", new JsonObject());
            empty.add("metadata", new JsonObject());
            return empty;
        });
        r.addProperty("status", "ok");
        r.addProperty("found", doc.isPresent());
        return r;
    }

    JsonObject isComplete(JsonObject c) {
        LanguageKernel.Completeness answer = language.isComplete(Fields.requiredString(c, "content", "code"));
        JsonObject r = new JsonObject();
        r.addProperty("status", answer.status());
        if ("incomplete".equals(answer.status())) {
            r.addProperty("indent", answer.indent());
        }
        return r;
    }

    /**
     * The request's cursor_pos as an index into the Java string: Jupyter counts Unicode code points (protocol
     * 5.2), Java counts UTF-16 units. Absent means the end of the code; outside the code is an error.
     */
    private static int cursor(JsonObject c, String code) {
        int points = code.codePointCount(0, code.length());
        int pos = Fields.optionalInt(c, "content", "cursor_pos", points);
        if (pos < 0 || pos > points) {
            throw new InvalidRequestException("content.cursor_pos must lie within the code, from 0 to " + points
                    + " (its length in characters); received " + pos + ".");
        }
        return code.offsetByCodePoints(0, pos);
    }
}
