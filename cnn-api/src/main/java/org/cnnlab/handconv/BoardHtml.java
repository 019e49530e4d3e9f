package org.cnnlab.handconv;

import java.util.List;
import org.cnnlab.handconv.Board.Cell;
import org.cnnlab.handconv.Board.Part;

/**
 * Writes a {@link Board} as one self-contained HTML fragment: tables with inline styles only, no script, no
 * style sheet, no external font, so it looks the same in a notebook, an exported HTML file and GitHub's
 * viewer, offline. Every style is set on the cell itself because notebook front ends style tables (striped
 * rows, right alignment) and an inline style is what reliably wins. Where styles are stripped, the meaning
 * survives in plain markup: window cells in bold, thrown-away cells struck through.
 */
final class BoardHtml {
    static final String MONO = "ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono','Liberation Mono',monospace";
    static final String SANS = "system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif";

    private BoardHtml() {}

    static String of(Board b) {
        StringBuilder h = new StringBuilder();
        h.append("<div style=\"display:inline-block;font-family:").append(SANS).append(";color:#111827;")
                .append("background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px;")
                .append("margin:2px 0;text-align:left;line-height:1.3\">");
        if (!b.heading().isEmpty()) {
            h.append("<div style=\"font-size:14px;font-weight:600;margin:0 0 8px\">").append(esc(b.heading()))
                    .append("</div>");
        }
        int size = cellSize(b.largestGrid());
        int width = cellWidth(b);
        for (List<Part> row : b.rows()) {
            h.append("<table style=\"border-collapse:collapse;border:none;margin:0 0 6px;background:transparent\"><tr")
                    .append(" style=\"background:transparent\">");
            for (Part p : row) {
                h.append("<td style=\"border:none;padding:0 6px;vertical-align:middle;background:transparent\">");
                h.append(p.isGrid() ? grid(p, size, width) : symbol(p.symbol(), size));
                h.append("</td>");
            }
            h.append("</tr></table>");
        }
        if (!b.lines().isEmpty()) {
            h.append("<pre style=\"font-family:").append(MONO).append(";font-size:13px;margin:4px 0 0;")
                    .append("padding:6px 9px;background:#f8f9fb;border:1px solid #eceef2;border-radius:5px;")
                    .append("white-space:pre-wrap;color:#111827;text-align:left;max-width:64em\">");
            h.append(esc(String.join("\n", b.lines()))).append("</pre>");
        }
        if (!b.notes().isEmpty()) {
            h.append("<pre style=\"font-family:").append(MONO).append(";font-size:12.5px;margin:8px 0 0;")
                    .append("padding:8px 10px;background:#fff7ed;border-left:4px solid #ea580c;color:#7c2d12;")
                    .append("white-space:pre-wrap;text-align:left;max-width:64em\">");
            h.append(esc(String.join("\n", b.notes()))).append("</pre>");
        }
        return h.append("</div>").toString();
    }

    /** Cell width in pixels: square unless the longest number needs more room. */
    static int cellWidth(Board b) {
        int size = cellSize(b.largestGrid());
        return Math.max(size, (int) Math.ceil(b.widestText() * fontSize(size) * 0.62) + 8);
    }

    static int fontSize(int cell) {
        return cell >= 30 ? 15 : cell >= 20 ? 11 : 8;
    }

    /** Cell edge in pixels: roomy for a 5x5 lesson, smaller for a 32x32 image so it still fits a page. */
    static int cellSize(int largest) {
        return largest <= 9 ? 34 : largest <= 16 ? 24 : 15;
    }

    private static String grid(Part p, int size, int width) {
        StringBuilder h = new StringBuilder();
        h.append("<div style=\"font-size:12px;color:#4b5563;text-align:center;margin:0 0 4px;white-space:nowrap\">")
                .append(esc(p.title())).append("</div>");
        h.append("<table style=\"border-collapse:collapse;border:none;margin:0 auto;font-family:").append(MONO)
                .append("\">");
        for (Cell[] row : p.cells()) {
            h.append("<tr style=\"background:transparent\">");
            for (Cell c : row) {
                h.append(cell(c, size, width));
            }
            h.append("</tr>");
        }
        return h.append("</table>").toString();
    }

    private static String cell(Cell c, int size, int width) {
        int font = fontSize(size);
        StringBuilder s = new StringBuilder("<td style=\"");
        s.append("width:").append(width).append("px;height:").append(size)
                .append("px;padding:0;text-align:center;vertical-align:middle;font-size:").append(font).append("px;line-height:1.05;background:")
                .append(c.look().background).append(";color:").append(c.look().ink).append(";border:1px solid ")
                .append(Look.GRID).append(';');
        if (c.look().bold) {
            s.append("font-weight:700;");
        }
        if (c.look() == Look.DROPPED) {
            s.append("text-decoration:line-through;");
        }
        String thick = "2px solid " + Look.ACCENT;
        if (c.look() == Look.CURRENT) {
            s.append("border:").append(thick).append(';');
        }
        s.append(c.top() ? "border-top:" + thick + ";" : "").append(c.right() ? "border-right:" + thick + ";" : "")
                .append(c.bottom() ? "border-bottom:" + thick + ";" : "").append(c.left() ? "border-left:" + thick + ";" : "");
        s.append("\">");
        String text = esc(c.text());
        if (c.look() == Look.DROPPED) {
            text = "<s>" + text + "</s>";
        } else if (c.look().bold) {
            text = "<b>" + text + "</b>";
        }
        s.append(text);
        if (!c.note().isEmpty() && size >= 24) {
            s.append("<div style=\"font-size:").append(size >= 30 ? 9 : 7).append("px;color:#b45309;font-weight:400\">")
                    .append(esc(c.note())).append("</div>");
        }
        return s.append("</td>").toString();
    }

    private static String symbol(String text, int size) {
        return "<div style=\"font-family:" + SANS + ";font-size:" + (size >= 30 ? 20 : 16)
                + "px;color:#6b7280;padding:0 2px;white-space:nowrap\">"
                + esc(text) + "</div>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
