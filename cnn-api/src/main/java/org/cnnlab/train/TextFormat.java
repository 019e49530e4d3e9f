package org.cnnlab.train;

/** Small text helpers shared by the training classes' {@code toString}s and HTML. */
final class TextFormat {
    private TextFormat() {}

    static String percent(double fraction) {
        return String.format("%.2f%%", 100 * fraction);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
