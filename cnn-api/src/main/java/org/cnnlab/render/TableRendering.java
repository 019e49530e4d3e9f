package org.cnnlab.render;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as aligned text (terminal) and as an HTML table (notebook). */
final class TableRendering {
    /** Beyond this many rows, the HTML shows the head and tail with an ellipsis, like the text form. */
    static final int MAX_HTML_ROWS = 60;

    private static final String START = "<table class=\"cnnlab-table\">";

    private TableRendering() {}

    static MimeBundle bundle(Table table) {
        return MimeBundle.text(table.printAll()).withHtml(html(table));
    }

    /** True for the HTML of a table drawn here. */
    static boolean isTable(String html) {
        return html.startsWith(START);
    }

    static String html(Table table) {
        StringBuilder b = new StringBuilder(START);
        if (table.name() != null && !table.name().isBlank()) {
            b.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        b.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            b.append("<th>").append(escape(c.name())).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        int head = rows <= MAX_HTML_ROWS ? rows : MAX_HTML_ROWS / 2;
        for (int r = 0; r < head; r++) {
            row(b, table, r);
        }
        if (rows > MAX_HTML_ROWS) {
            b.append("<tr><td colspan=\"").append(table.columnCount()).append("\">… ")
                    .append(rows - MAX_HTML_ROWS).append(" more rows …</td></tr>");
            for (int r = rows - MAX_HTML_ROWS / 2; r < rows; r++) {
                row(b, table, r);
            }
        }
        return b.append("</tbody></table>").toString();
    }

    private static void row(StringBuilder b, Table table, int r) {
        b.append("<tr>");
        for (Column<?> c : table.columns()) {
            b.append("<td>").append(escape(c.getString(r))).append("</td>");
        }
        b.append("</tr>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
