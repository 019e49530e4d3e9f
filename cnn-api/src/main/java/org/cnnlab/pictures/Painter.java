package org.cnnlab.pictures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** The house style shared by the pictures: fonts, greys, margins, text placement, number format. */
final class Painter {
    static final int MARGIN = 16;
    static final Color INK = new Color(0x222222);
    static final Color MUTED = new Color(0x5f5f5f);
    static final Color FRAME = new Color(0xbdbdbd);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final BufferedImage SCRATCH = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private Painter() {}

    /** A white canvas with text anti-aliasing on (and nothing else smoothed, so pixel blocks stay exact). */
    static BufferedImage canvas(int width, int height, Graphics2D[] graphics) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        graphics[0] = g;
        return img;
    }

    static int width(Font font, String text) {
        Graphics2D g = SCRATCH.createGraphics();
        try {
            return g.getFontMetrics(font).stringWidth(text);
        } finally {
            g.dispose();
        }
    }

    /** Draws text with its top at {@code top}; {@code align} -1 left of x, 0 centred on x, 1 ending at x. */
    static void text(Graphics2D g, String text, Font font, Color color, int x, int top, int align) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text);
        int left = align < 0 ? x : align == 0 ? x - w / 2 : x - w;
        g.drawString(text, left, top + fm.getAscent());
    }

    /** Shortens text with an ellipsis until it fits {@code maxWidth} pixels. */
    static String fit(String text, Font font, int maxWidth) {
        if (width(font, text) <= maxWidth) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && width(font, t + "…") > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** A number in 3-4 significant digits, with a true minus sign: {@code −0.412}, {@code 1.2e+03}. */
    static String number(double v) {
        String s = Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v != 0)
                ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.replace('-', '\u2212');
    }

    /** {@link #number} with an ASCII minus, for text that terminals and tests read. */
    static String plain(double v) {
        return number(v).replace('\u2212', '-');
    }

    static int lineHeight(Font font) {
        Graphics2D g = SCRATCH.createGraphics();
        try {
            return g.getFontMetrics(font).getHeight();
        } finally {
            g.dispose();
        }
    }
}
