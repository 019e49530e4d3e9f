package org.cnnlab.explore;

import java.util.Locale;

/**
 * Writes the numbers an explorer embeds as JSON, by hand: the data is only numbers, strings, lists and
 * objects, so a library would add a dependency for nothing. Doubles are written in full so that the page
 * shows exactly what cnn-api computed.
 */
final class Json {
    private final StringBuilder b = new StringBuilder();
    private boolean first = true;

    static Json object() {
        Json j = new Json();
        j.b.append('{');
        return j;
    }

    Json put(String key, String value) {
        return key(key).raw(value == null ? "null" : quote(value));
    }

    Json put(String key, long value) {
        return key(key).raw(Long.toString(value));
    }

    Json put(String key, boolean value) {
        return key(key).raw(Boolean.toString(value));
    }

    /** A value already written as JSON (an array, a nested object). */
    Json putRaw(String key, String json) {
        return key(key).raw(json);
    }

    String end() {
        return b.append('}').toString();
    }

    private Json key(String key) {
        if (!first) {
            b.append(',');
        }
        first = false;
        b.append(quote(key)).append(':');
        return this;
    }

    private Json raw(String s) {
        b.append(s);
        return this;
    }

    static String number(double x) {
        if (!Double.isFinite(x)) {
            return x < 0 ? "-1e999" : "1e999";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    /** A float written with 6 significant digits: enough for a picture and a hover, a third of the size. */
    static String number(float x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e7) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        if (s.contains("e")) {
            return s;
        }
        s = s.contains(".") ? s.replaceAll("0+$", "") : s;
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String array(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i > 0 ? "," : "").append(number(v[i]));
        }
        return s.append(']').toString();
    }

    static String array(float[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i > 0 ? "," : "").append(number(v[i]));
        }
        return s.append(']').toString();
    }

    static String array(int[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i > 0 ? "," : "").append(v[i]);
        }
        return s.append(']').toString();
    }

    static String array(double[][] v) {
        String[] rows = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            rows[i] = array(v[i]);
        }
        return list(rows);
    }

    static String array(double[][][] v) {
        String[] planes = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            planes[i] = array(v[i]);
        }
        return list(planes);
    }

    static String array(float[][][] v) {
        String[] planes = new String[v.length];
        for (int c = 0; c < v.length; c++) {
            String[] rows = new String[v[c].length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = array(v[c][i]);
            }
            planes[c] = list(rows);
        }
        return list(planes);
    }

    static String list(String... jsonItems) {
        return "[" + String.join(",", jsonItems) + "]";
    }

    static String list(java.util.List<String> jsonItems) {
        return "[" + String.join(",", jsonItems) + "]";
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                // "</script>" inside the data would end the page's script early.
                case '<' -> q.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
