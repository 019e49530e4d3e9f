package org.cnnlab.kernel;

/** Javadoc comment text (HTML and tags) made readable as plain text for inspect replies. */
final class Javadoc {
    private Javadoc() {}

    static String toText(String javadoc) {
        return javadoc
                .replaceAll("(?i)<p>|<br\\s*/?>", "\n")
                .replaceAll("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
