package org.cnnlab.render;

import java.lang.reflect.Array;

/**
 * Java arrays as a student wants to read them: a matrix as aligned rows, a stack of matrices one after the
 * other, a vector on one line. {@code int[][]} otherwise prints as {@code [[I@642a7222}.
 */
final class ArrayRendering {
    private ArrayRendering() {}

    static MimeBundle bundle(Object array) {
        return MimeBundle.text(text(array));
    }

    static String text(Object array) {
        int depth = depth(array.getClass());
        if (depth == 1) {
            return row(array, new int[0]);
        }
        if (depth == 2) {
            return matrix(array);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Array.getLength(array); i++) {
            b.append(i == 0 ? "" : "\n\n").append('[').append(i).append("]\n").append(text(Array.get(array, i)));
        }
        return b.toString();
    }

    /** Rows one under the other, each column right-aligned to its widest number. */
    private static String matrix(Object rows) {
        int n = Array.getLength(rows);
        int[] widths = new int[0];
        for (int r = 0; r < n; r++) {
            Object row = Array.get(rows, r);
            for (int c = 0; row != null && c < Array.getLength(row); c++) {
                if (c >= widths.length) {
                    widths = java.util.Arrays.copyOf(widths, c + 1);
                }
                widths[c] = Math.max(widths[c], cell(Array.get(row, c)).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < n; r++) {
            b.append(r == 0 ? "[" : " ").append(row(Array.get(rows, r), widths)).append(r == n - 1 ? "]" : ",\n");
        }
        return n == 0 ? "[]" : b.toString();
    }

    private static String row(Object row, int[] widths) {
        if (row == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("[");
        for (int c = 0; c < Array.getLength(row); c++) {
            String s = cell(Array.get(row, c));
            int width = c < widths.length ? widths[c] : 0;
            b.append(c == 0 ? "" : ", ").append(" ".repeat(Math.max(0, width - s.length()))).append(s);
        }
        return b.append(']').toString();
    }

    private static String cell(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) + ".0"
                    : String.format("%.4g", d).replaceAll("(\\.\\d*?)0+$", "$1");
        }
        return String.valueOf(value);
    }

    private static int depth(Class<?> type) {
        int d = 0;
        while (type.isArray()) {
            d++;
            type = type.getComponentType();
        }
        return d;
    }
}
