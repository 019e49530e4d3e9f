package org.cnnlab.handconv;

/**
 * A stack of equally sized matrices, {@code [channel][row][column]}: an image (one plane for grey, three for
 * RGB) or one filter (as deep as the image it slides over). Checked on the way in, so every error names
 * what it received: a ragged row, an empty matrix, planes of different sizes.
 */
final class Planes {
    private final double[][][] v;

    private Planes(double[][][] v) {
        this.v = v;
    }

    static Planes of(String what, int[][] m) {
        return of(what, new int[][][] {m});
    }

    static Planes of(String what, double[][] m) {
        return of(what, new double[][][] {m});
    }

    static Planes of(String what, int[][][] m) {
        double[][][] d = new double[nonEmpty(what, m == null ? -1 : m.length)][][];
        for (int c = 0; c < d.length; c++) {
            if (m[c] == null) {
                throw new IllegalArgumentException(what + ": channel " + (c + 1) + " (Java index " + c + ") is null.");
            }
            d[c] = new double[m[c].length][];
            for (int r = 0; r < m[c].length; r++) {
                if (m[c][r] == null) {
                    throw new IllegalArgumentException(what + ": row " + r + " is null.");
                }
                d[c][r] = new double[m[c][r].length];
                for (int k = 0; k < m[c][r].length; k++) {
                    d[c][r][k] = m[c][r][k];
                }
            }
        }
        return checked(what, d);
    }

    static Planes of(String what, double[][][] m) {
        nonEmpty(what, m == null ? -1 : m.length);
        for (int c = 0; c < m.length; c++) {
            if (m[c] == null) {
                throw new IllegalArgumentException(what + ": channel " + (c + 1) + " (Java index " + c + ") is null.");
            }
            for (int r = 0; r < m[c].length; r++) {
                if (m[c][r] == null) {
                    throw new IllegalArgumentException(what + ": row " + r + " is null.");
                }
            }
        }
        return checked(what, Num.copy(m));
    }

    private static int nonEmpty(String what, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException(what + " is " + (length < 0 ? "null" : "empty")
                    + ": give at least one row of numbers.");
        }
        return length;
    }

    private static Planes checked(String what, double[][][] d) {
        int h = d[0].length;
        if (h == 0 || d[0][0].length == 0) {
            throw new IllegalArgumentException(what + " is empty: give at least one row of numbers.");
        }
        int w = d[0][0].length;
        for (int c = 0; c < d.length; c++) {
            String plane = d.length > 1 ? " (channel " + (c + 1) + ")" : "";
            if (d[c].length != h) {
                throw new IllegalArgumentException(what + ": channel " + (c + 1) + " has " + d[c].length
                        + " rows but channel 1 has " + h + ": every channel must have the same size.");
            }
            for (int r = 0; r < h; r++) {
                if (d[c][r].length != w) {
                    throw new IllegalArgumentException(what + plane + ": row " + r + " has " + d[c][r].length
                            + " numbers but row 0 has " + w + ": a matrix must be a rectangle.");
                }
                for (double x : d[c][r]) {
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException(what + plane + ": row " + r + " holds " + x
                                + "; only finite numbers can be worked out by hand.");
                    }
                }
            }
        }
        return new Planes(d);
    }

    int channels() {
        return v.length;
    }

    int height() {
        return v[0].length;
    }

    int width() {
        return v[0][0].length;
    }

    /** The number at (row, col) of channel c; outside the matrix (in the padding) it is {@code outside}. */
    double at(int c, int row, int col, double outside) {
        return row < 0 || col < 0 || row >= height() || col >= width() ? outside : v[c][row][col];
    }

    /**
     * The {@code h x w} window whose top-left corner is input cell ({@code top}, {@code left}), every channel;
     * cells in the padding hold {@code outside}.
     */
    double[][][] window(int top, int left, int h, int w, double outside) {
        double[][][] r = new double[channels()][h][w];
        for (int c = 0; c < r.length; c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    r[c][i][j] = at(c, top + i, left + j, outside);
                }
            }
        }
        return r;
    }

    double at(int c, int row, int col) {
        return v[c][row][col];
    }

    boolean whole() {
        for (double[][] p : v) {
            for (double[] row : p) {
                for (double x : row) {
                    if (!Num.whole(x)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    double[][][] values() {
        return Num.copy(v);
    }

    /** {@code 5x5}, or {@code 3x5x5} with depth. */
    String size() {
        return (channels() > 1 ? channels() + "x" : "") + height() + "x" + width();
    }
}
