package org.cnnlab.handconv;

/** How numbers are written in steps and views: whole numbers without ".0", others with up to 4 decimals. */
final class Num {
    private Num() {}

    static String format(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4f", x);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** As {@link #format}, with a negative number in parentheses so that {@code 2*(-1)} reads right. */
    static String factor(double x) {
        return x < 0 ? "(" + format(x) + ")" : format(x);
    }

    static boolean whole(double x) {
        return x == Math.rint(x) && !Double.isInfinite(x);
    }

    static int[][] toInts(double[][] m) {
        int[][] r = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = new int[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                r[i][j] = (int) Math.round(m[i][j]);
            }
        }
        return r;
    }

    static int[][][] toInts(double[][][] m) {
        int[][][] r = new int[m.length][][];
        for (int i = 0; i < m.length; i++) {
            r[i] = toInts(m[i]);
        }
        return r;
    }

    static double[][][] copy(double[][][] m) {
        double[][][] r = new double[m.length][][];
        for (int i = 0; i < m.length; i++) {
            r[i] = new double[m[i].length][];
            for (int j = 0; j < m[i].length; j++) {
                r[i][j] = m[i][j].clone();
            }
        }
        return r;
    }
}
