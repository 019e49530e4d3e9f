package org.cnnlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private History history() {
        History h = new History();
        h.add(1, "1+1");
        h.add(2, "int x = 2;");
        h.add(3, "1+1");
        h.setOutput(3, "2");
        return h;
    }

    private static JsonObject request(String type) {
        JsonObject r = new JsonObject();
        r.addProperty("hist_access_type", type);
        r.addProperty("output", false);
        r.addProperty("raw", true);
        return r;
    }

    @Test
    void tailGivesTheLastN() {
        JsonObject r = request("tail");
        r.addProperty("n", 2);
        JsonArray a = history().answer(r);
        assertEquals(2, a.size());
        assertEquals("int x = 2;", a.get(0).getAsJsonArray().get(2).getAsString());
    }

    @Test
    void rangeStopIsExclusive() {
        JsonObject r = request("range");
        r.addProperty("session", History.SESSION);
        r.addProperty("start", 2);
        r.addProperty("stop", 3);
        assertEquals(1, history().answer(r).size());
    }

    @Test
    void searchIsAGlobAndUniqueDropsRepeats() {
        JsonObject r = request("search");
        r.addProperty("pattern", "1?1");
        assertEquals(2, history().answer(r).size());
        r.addProperty("unique", true);
        assertEquals(1, history().answer(r).size());
    }

    @Test
    void outputPairsInputWithResult() {
        JsonObject r = request("tail");
        r.addProperty("n", 1);
        r.addProperty("output", true);
        JsonArray io = history().answer(r).get(0).getAsJsonArray().get(2).getAsJsonArray();
        assertEquals("2", io.get(1).getAsString());
    }
}
