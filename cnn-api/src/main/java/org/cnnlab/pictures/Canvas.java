package org.cnnlab.pictures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The few drawing verbs a diagram needs, written once and played to two targets: SVG text and pixels.
 * Coordinates are pixels; text is placed by its baseline; colours are {@code 0xRRGGBB}, -1 for none.
 */
interface Canvas {
    void polygon(int[] xs, int[] ys, int fill, int stroke);

    /** {@code anchor}: -1 starts at x, 0 is centred on x, 1 ends at x. */
    void text(String text, int x, int baseline, Font font, int color, int anchor);

    /** Draws into an image of the given size, white behind. */
    final class Pixels implements Canvas {
        private final BufferedImage image;
        private final Graphics2D g;

        Pixels(int width, int height) {
            Graphics2D[] gs = new Graphics2D[1];
            image = Painter.canvas(width, height, gs);
            g = gs[0];
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setStroke(new BasicStroke(1f));
        }

        @Override
        public void polygon(int[] xs, int[] ys, int fill, int stroke) {
            Polygon p = new Polygon(xs, ys, xs.length);
            if (fill >= 0) {
                g.setColor(new Color(fill));
                g.fillPolygon(p);
            }
            if (stroke >= 0) {
                g.setColor(new Color(stroke));
                g.drawPolygon(p);
            }
        }

        @Override
        public void text(String text, int x, int baseline, Font font, int color, int anchor) {
            g.setFont(font);
            g.setColor(new Color(color));
            int w = g.getFontMetrics().stringWidth(text);
            g.drawString(text, anchor < 0 ? x : anchor == 0 ? x - w / 2 : x - w, baseline);
        }

        BufferedImage finish() {
            g.dispose();
            return image;
        }
    }

    /** Writes a self-contained SVG document: no scripts, no external fonts or links. */
    final class Svg implements Canvas {
        private final StringBuilder s = new StringBuilder();

        Svg(int width, int height) {
            s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                    .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                    .append("\" font-family=\"DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif\">\n")
                    .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        }

        @Override
        public void polygon(int[] xs, int[] ys, int fill, int stroke) {
            s.append("<polygon points=\"");
            for (int i = 0; i < xs.length; i++) {
                s.append(i == 0 ? "" : " ").append(xs[i]).append(',').append(ys[i]);
            }
            s.append("\" fill=\"").append(color(fill)).append("\" stroke=\"").append(color(stroke)).append("\"/>\n");
        }

        @Override
        public void text(String text, int x, int baseline, Font font, int color, int anchor) {
            s.append("<text x=\"").append(x).append("\" y=\"").append(baseline).append("\" font-size=\"")
                    .append(font.getSize()).append('"').append(font.isBold() ? " font-weight=\"bold\"" : "")
                    .append(anchor == 0 ? " text-anchor=\"middle\"" : anchor > 0 ? " text-anchor=\"end\"" : "")
                    .append(" fill=\"").append(color(color)).append("\">").append(escape(text)).append("</text>\n");
        }

        String finish() {
            return s + "</svg>\n";
        }

        private static String color(int rgb) {
            return rgb < 0 ? "none" : String.format(Locale.ROOT, "#%06x", rgb);
        }

        static String escape(String t) {
            return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
