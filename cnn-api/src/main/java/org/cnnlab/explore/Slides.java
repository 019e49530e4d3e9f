package org.cnnlab.explore;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Sliding;

/**
 * The settings a by-hand explorer offers (window sizes, strides, paddings) and, for each combination, what the
 * {@link Sliding} walker says: the formula with the real numbers, whether it fits, where every window stands,
 * the rows and columns a floor skips. The page only looks these up; it never works out a shape itself.
 */
final class Slides {
    /** Past this many numbers per setting the choices narrow, to keep a notebook's output small. */
    private static final int LARGE = 2000;

    private Slides() {}

    /** Strides 1 to 3 (or the one given, if larger); only 1 and 2 for a large input. */
    static List<Integer> strides(int given, long numbers) {
        int most = Math.max(given, numbers > LARGE ? 2 : 3);
        List<Integer> r = new ArrayList<>();
        for (int s = 1; s <= most; s++) {
            r.add(s);
        }
        return r;
    }

    /** Paddings 0 to "same" plus one (or the one given, if larger); 0 to "same" for a large input. */
    static List<Integer> pads(int given, int window, long numbers) {
        int most = Math.max(given, (window - 1) / 2 + (numbers > LARGE ? 0 : 1));
        List<Integer> r = new ArrayList<>();
        for (int p = 0; p <= Math.max(most, 1); p++) {
            r.add(p);
        }
        return r;
    }

    /**
     * The geometry of one setting as JSON; {@code out} is the output {@code [map][row][col]} that cnn-api computed
     * for it (floored when the stride does not divide), or null when the window cannot stand on the input at all.
     */
    static String setting(Sliding exact, double[][][] out) {
        Sliding s = exact.withFloor();
        Json j = Json.object().put("F", exact.windowHeight()).put("S", exact.stride()).put("P", exact.pad())
                .put("hFormula", exact.heightFormula()).put("wFormula", exact.widthFormula())
                .put("problem", exact.exactProblem());
        if (out == null) {
            return j.put("ok", false).put("why", s.problem()).end();
        }
        int oh = s.outHeight();
        int ow = s.outWidth();
        int[] tops = new int[oh];
        int[] lefts = new int[ow];
        for (int i = 0; i < oh; i++) {
            tops[i] = s.top(i);
        }
        for (int k = 0; k < ow; k++) {
            lefts[k] = s.left(k);
        }
        return j.put("ok", true).put("oh", oh).put("ow", ow).putRaw("tops", Json.array(tops))
                .putRaw("lefts", Json.array(lefts)).put("droppedRows", s.droppedRows())
                .put("droppedCols", s.droppedCols()).putRaw("out", Json.array(out)).end();
    }

    /** Null when the window cannot stand on the input even with a floor, else the values. */
    static double[][][] valuesOrNull(java.util.function.Supplier<double[][][]> values) {
        try {
            return values.get();
        } catch (GeometryException e) {
            return null;
        }
    }
}
