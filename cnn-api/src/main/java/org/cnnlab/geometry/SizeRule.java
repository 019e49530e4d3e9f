package org.cnnlab.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * The output size of a sliding window along one axis: {@code (N - F + 2P) / S + 1}, where N is the input
 * size, F the window (filter or pool) size, P the zero padding on each side and S the stride.
 *
 * <p>The division must be exact. When it is not (a 7-wide input, a 3-wide filter and stride 3 give
 * 4/3 + 1 = 2.33), the last window position would hang over the edge; PyTorch and DJL then silently drop
 * the rows it cannot reach. cnnlab refuses instead and says how to make it fit, because a course teaches
 * exactly this arithmetic and a silent floor hides it.
 */
public final class SizeRule {
    private SizeRule() {}

    /**
     * The output size for input size {@code n} and window {@code w}.
     *
     * @throws GeometryException when a number is not positive, the window is larger than the padded input,
     *     or the stride does not divide {@code N - F + 2P}; the message shows the arithmetic and the fixes.
     */
    public static int outputSize(int n, Window w) {
        return outputSize(n, w, Where.ANYWHERE);
    }

    /** As {@link #outputSize(int, Window)}, with the layer and axis named in any error. */
    public static int outputSize(int n, Window w, Where where) {
        String problem = problem(n, w, where);
        if (problem != null) {
            throw new GeometryException(problem);
        }
        return (n - w.size() + 2 * w.pad()) / w.stride() + 1;
    }

    /** The explanation of why {@code w} does not fit {@code n}, or null when it fits. */
    public static String problem(int n, Window w, Where where) {
        String bad = nonPositive(n, w, where);
        if (bad != null) {
            return bad;
        }
        int span = n + 2 * w.pad();
        if (span < w.size()) {
            return tooLarge(n, w, where);
        }
        if (where.isPool() && 2 * w.pad() > w.size()) {
            return where.subject() + " pads by " + w.pad() + " on each side, more than half its " + w.size()
                    + "-wide window: some windows would see only padding and no input. Use .pad("
                    + w.size() / 2 + ") or less.";
        }
        int leftover = (span - w.size()) % w.stride();
        return leftover == 0 || w.floor() ? null : doesNotFit(n, w, where, leftover);
    }

    /** The exact output size as a decimal, e.g. {@code 2.33} for 7, F=3, S=3: what the formula really gives. */
    public static double exactOutputSize(int n, Window w) {
        return (double) (n - w.size() + 2 * w.pad()) / w.stride() + 1;
    }

    /** {@code (7 - 3 + 2*0) / 3 + 1}: the formula with the real numbers, as error messages and lessons show it. */
    public static String formula(int n, Window w) {
        return "(" + n + " - " + w.size() + " + 2*" + w.pad() + ") / " + w.stride() + " + 1";
    }

    private static String nonPositive(int n, Window w, Where where) {
        if (w.size() <= 0) {
            return where.subject() + ": a window size must be 1 or more. Received: size=" + w.size() + ".";
        }
        if (w.stride() <= 0) {
            return where.subject() + ": a stride must be 1 or more. Received: stride=" + w.stride() + ".";
        }
        if (w.pad() < 0) {
            return where.subject() + ": padding cannot be negative. Received: pad=" + w.pad() + ".";
        }
        if (n <= 0) {
            return where.subject() + " receives an input of size " + n + where.alongAxis()
                    + ": an earlier layer already shrank it to nothing.";
        }
        return null;
    }

    private static String tooLarge(int n, Window w, Where where) {
        int minPad = (w.size() - n + 1) / 2;
        return where.subject() + " is larger than its input" + where.alongAxis() + ": the " + w.size()
                + "-wide " + where.windowNoun() + " has no position inside " + n
                + (w.pad() > 0 ? " (" + (n + 2 * w.pad()) + " with padding " + w.pad() + " on each side)" : "")
                + ".\nHow to fix it (any one):\n"
                + "  - use a " + where.windowNoun() + " of at most " + (n + 2 * w.pad()) + "\n"
                + "  - pad the input: .pad(" + Math.max(minPad, w.pad() + 1) + ") or more\n"
                + "  - give this layer a larger input (fewer pooling or strided layers before it)";
    }

    private static String doesNotFit(int n, Window w, Where where, int leftover) {
        StringBuilder b = new StringBuilder();
        b.append(where.subject()).append(" does not fit its input").append(where.alongAxis()).append(":\n");
        b.append("  (N - F + 2P) / S + 1 = ").append(formula(n, w)).append(" = ")
                .append(n - w.size() + 2 * w.pad()).append('/').append(w.stride()).append(" + 1 = ")
                .append(String.format("%.2f", exactOutputSize(n, w))).append(", not a whole number.\n");
        b.append("  The last ").append(leftover).append(leftover == 1 ? " row/column" : " rows/columns")
                .append(" of the input would be skipped: PyTorch and DJL silently floor this to ")
                .append((n - w.size() + 2 * w.pad()) / w.stride() + 1).append(".\n");
        b.append("How to fix it (any one):");
        for (String fix : fixes(n, w, where.isPool())) {
            b.append("\n  - ").append(fix);
        }
        return b.toString();
    }

    /**
     * The nearest changes that make {@code w} fit {@code n}: strides (for a filter) or a slightly larger,
     * overlapping window (for a pool, whose stride is meant to tile), a padding, input sizes.
     */
    static List<String> fixes(int n, Window w, boolean pool) {
        List<String> fixes = new ArrayList<>();
        if (pool) {
            for (int f = w.size() + 1; f <= w.size() + 2; f++) {
                Window wider = new Window(f, w.stride(), w.pad());
                if (n + 2 * w.pad() >= f && (n - f + 2 * w.pad()) % w.stride() == 0) {
                    fixes.add("a " + f + "x" + f + " window at the same stride gives " + outputSize(n, wider)
                            + " (overlapping windows, as AlexNet pools)");
                    break;
                }
            }
        }
        List<String> strides = new ArrayList<>();
        for (int s = 1; !pool && s <= Math.max(w.size(), w.stride()) && strides.size() < 3; s++) {
            if (s != w.stride() && (n - w.size() + 2 * w.pad()) % s == 0) {
                strides.add(".stride(" + s + ") gives " + outputSize(n, w.withStride(s)));
            }
        }
        if (!strides.isEmpty()) {
            fixes.add(String.join(", ", strides));
        }
        for (int p = 0; p < w.size(); p++) {
            Window padded = w.withPad(p);
            if (p != w.pad() && n + 2 * p >= w.size() && (n - w.size() + 2 * p) % w.stride() == 0) {
                fixes.add(".pad(" + p + ") gives " + formula(n, padded) + " = " + outputSize(n, padded));
                break;
            }
        }
        int smaller = n - 1;
        while (smaller > 0 && (smaller < w.size() - 2 * w.pad() || (smaller - w.size() + 2 * w.pad()) % w.stride() != 0)) {
            smaller--;
        }
        int larger = n + 1;
        while ((larger - w.size() + 2 * w.pad()) % w.stride() != 0) {
            larger++;
        }
        fixes.add("an input of " + (smaller > 0 ? smaller + " or " : "") + larger + " fits as it is");
        return fixes;
    }
}
