package org.cnnlab.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.List;

/** A failed execution as Jupyter shows it: the exception's name, its message and the traceback lines. */
public record ErrorReport(String ename, String evalue, List<String> traceback) {
    JsonObject toContent() {
        JsonObject c = new JsonObject();
        c.addProperty("ename", ename);
        c.addProperty("evalue", evalue);
        c.add("traceback", IoPub.strings(traceback));
        return c;
    }
}
