package org.cnnlab.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells executed in this session, numbered as their execution counts, answering history requests by
 * tail, range and glob search. Kept in memory: a restarted kernel starts a new session.
 */
final class History {
    static final int SESSION = 1;

    private record Entry(int line, String input, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input) {
        entries.add(new Entry(line, input, null));
    }

    /** Records the text/plain form of a cell's result, for {@code output=true} requests. */
    synchronized void setOutput(int line, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).line() == line) {
                entries.set(i, new Entry(line, entries.get(i).input(), output));
                return;
            }
        }
    }

    synchronized JsonArray answer(JsonObject request) {
        String type = str(request, "hist_access_type", "tail");
        boolean output = Fields.optionalBool(request, "content", "output", false);
        Fields.optionalBool(request, "content", "raw", true);
        List<Entry> selected;
        switch (type) {
            case "range": selected = range(request); break;
            case "search": selected = search(request); break;
            case "tail": selected = last(entries, count(request, 10)); break;
            default: throw new InvalidRequestException("content.hist_access_type must be \"tail\", \"range\" or "
                    + "\"search\"; received \"" + Fields.shorten(type) + "\".");
        }
        JsonArray result = new JsonArray();
        for (Entry e : selected) {
            JsonArray row = new JsonArray();
            row.add(SESSION);
            row.add(e.line());
            if (output) {
                JsonArray io = new JsonArray();
                io.add(e.input());
                if (e.output() == null) {
                    io.add(JsonNull.INSTANCE);
                } else {
                    io.add(e.output());
                }
                row.add(io);
            } else {
                row.add(e.input());
            }
            result.add(row);
        }
        return result;
    }

    private List<Entry> range(JsonObject r) {
        int session = num(r, "session", SESSION);
        if (session != SESSION && session > 0) {
            return List.of();
        }
        int start = num(r, "start", 1);
        int stop = num(r, "stop", Integer.MAX_VALUE);
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line() >= start && e.line() < stop) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Entry> search(JsonObject r) {
        Pattern glob = globToRegex(str(r, "pattern", "*"));
        boolean unique = Fields.optionalBool(r, "content", "unique", false);
        List<Entry> matching = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (glob.matcher(e.input()).matches() && (!unique || seen.add(e.input()))) {
                matching.add(0, e);
            }
        }
        return last(matching, count(r, Integer.MAX_VALUE));
    }

    /** A shell glob ({@code *}, {@code ?}) as a regular expression over the whole cell. */
    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static List<Entry> last(List<Entry> list, int n) {
        return new ArrayList<>(list.subList(Math.max(0, list.size() - n), list.size()));
    }

    private static int num(JsonObject o, String key, int fallback) {
        return Fields.optionalInt(o, "content", key, fallback);
    }

    /** The request's n: how many cells to return, counted from the last. */
    private static int count(JsonObject o, int fallback) {
        int n = num(o, "n", fallback);
        if (n < 0) {
            throw new InvalidRequestException("content.n must be 0 or more (how many cells to return); received "
                    + n + ".");
        }
        return n;
    }

    private static String str(JsonObject o, String key, String fallback) {
        return Fields.optionalString(o, "content", key, fallback);
    }
}
