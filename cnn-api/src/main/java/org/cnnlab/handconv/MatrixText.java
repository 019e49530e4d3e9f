package org.cnnlab.handconv;

/** A matrix as aligned plain text, numbers right-aligned in columns, one line per row. */
final class MatrixText {
    private MatrixText() {}

    static String of(double[][] m) {
        int w = 1;
        for (double[] row : m) {
            for (double x : row) {
                w = Math.max(w, Num.format(x).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                String s = Num.format(row[j]);
                b.append(j == 0 ? "  " : " ").append(" ".repeat(w - s.length())).append(s);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
