package org.cnnlab.handconv;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnlab.handconv.Board.Cell;
import org.cnnlab.handconv.Board.Part;

/**
 * Paints a {@link Board} with Java2D, in the layout and colours {@link BoardHtml} uses, for the frames of
 * an animation. {@link #size} measures first so that all frames can share the largest size.
 */
final class BoardPicture {
    private static final int MARGIN = 14;
    private static final int GAP = 12;
    private static final int TITLE = 18;
    private static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font SYMBOL = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
    private static final Font LINES = new Font(Font.MONOSPACED, Font.PLAIN, 13);

    private final Board board;
    private final int cell;
    private final int cellWidth;
    private final Graphics2D g;

    private BoardPicture(Board board, Graphics2D g) {
        this.board = board;
        this.cell = BoardHtml.cellSize(board.largestGrid());
        this.cellWidth = BoardHtml.cellWidth(board);
        this.g = g;
    }

    /** Width and height the board needs, {@code {w, h}}. */
    static int[] size(Board board) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return new BoardPicture(board, g).layout(false);
        } finally {
            g.dispose();
        }
    }

    static BufferedImage paint(Board board, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            new BoardPicture(board, g).layout(true);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Walks the board top to bottom, drawing when {@code draw}; returns the size used. */
    private int[] layout(boolean draw) {
        int y = MARGIN;
        int width = 0;
        if (!board.heading().isEmpty()) {
            g.setFont(HEADING);
            if (draw) {
                g.setColor(Color.decode("#111827"));
                g.drawString(board.heading(), MARGIN, y + g.getFontMetrics().getAscent());
            }
            width = g.getFontMetrics().stringWidth(board.heading());
            y += 26;
        }
        for (List<Part> row : board.rows()) {
            int h = 0;
            for (Part p : row) {
                h = Math.max(h, partHeight(p));
            }
            int x = MARGIN;
            for (Part p : row) {
                int w = partWidth(p);
                if (draw) {
                    drawPart(p, x, y + (h - partHeight(p)) / 2, w);
                }
                x += w + GAP;
            }
            width = Math.max(width, x - GAP - MARGIN);
            y += h + 8;
        }
        g.setFont(LINES);
        FontMetrics fm = g.getFontMetrics();
        y += 4;
        for (String line : board.lines()) {
            if (draw) {
                g.setColor(Color.decode("#111827"));
                g.drawString(line, MARGIN, y + fm.getAscent());
            }
            width = Math.max(width, fm.stringWidth(line));
            y += fm.getHeight();
        }
        return new int[] {width + 2 * MARGIN, y + MARGIN};
    }

    private int partWidth(Part p) {
        if (p.isGrid()) {
            g.setFont(LABEL);
            return Math.max(p.cells()[0].length * cellWidth, g.getFontMetrics().stringWidth(p.title()));
        }
        g.setFont(SYMBOL);
        return g.getFontMetrics().stringWidth(p.symbol());
    }

    private int partHeight(Part p) {
        return p.isGrid() ? TITLE + p.cells().length * cell : cell;
    }

    private void drawPart(Part p, int x, int y, int w) {
        if (!p.isGrid()) {
            g.setFont(SYMBOL);
            g.setColor(Color.decode("#6b7280"));
            g.drawString(p.symbol(), x, y + (cell + g.getFontMetrics().getAscent()) / 2 - 3);
            return;
        }
        g.setFont(LABEL);
        g.setColor(Color.decode("#4b5563"));
        g.drawString(p.title(), x + (w - g.getFontMetrics().stringWidth(p.title())) / 2, y + 12);
        Cell[][] cells = p.cells();
        int x0 = x + (w - cells[0].length * cellWidth) / 2;
        int y0 = y + TITLE;
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                drawCell(cells[i][j], x0 + j * cellWidth, y0 + i * cell);
            }
        }
        g.setColor(Color.decode(Look.ACCENT));
        g.setStroke(new BasicStroke(2.5f));
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                outline(cells[i][j], x0 + j * cellWidth, y0 + i * cell);
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private void drawCell(Cell c, int x, int y) {
        g.setColor(Color.decode(c.look().background));
        g.fillRect(x, y, cellWidth, cell);
        g.setColor(Color.decode(Look.GRID));
        g.drawRect(x, y, cellWidth, cell);
        int size = cell >= 30 ? 14 : cell >= 20 ? 11 : 8;
        g.setFont(new Font(Font.MONOSPACED, c.look().bold ? Font.BOLD : Font.PLAIN, size));
        FontMetrics fm = g.getFontMetrics();
        boolean note = !c.note().isEmpty() && cell >= 24;
        int ty = y + (cell + fm.getAscent()) / 2 - (note ? 5 : 2);
        int tx = x + (cellWidth - fm.stringWidth(c.text())) / 2;
        g.setColor(Color.decode(c.look().ink));
        g.drawString(c.text(), tx, ty);
        if (c.look() == Look.DROPPED) {
            g.drawLine(tx - 1, ty - fm.getAscent() / 3, tx + fm.stringWidth(c.text()) + 1, ty - fm.getAscent() / 3);
        }
        if (note) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, cell >= 30 ? 9 : 8));
            g.setColor(Color.decode("#b45309"));
            g.drawString(c.note(), x + (cellWidth - g.getFontMetrics().stringWidth(c.note())) / 2, y + cell - 3);
        }
    }

    private void outline(Cell c, int x, int y) {
        if (c.look() == Look.CURRENT) {
            g.drawRect(x, y, cellWidth, cell);
        }
        if (c.top()) {
            g.drawLine(x, y, x + cellWidth, y);
        }
        if (c.bottom()) {
            g.drawLine(x, y + cell, x + cellWidth, y + cell);
        }
        if (c.left()) {
            g.drawLine(x, y, x, y + cell);
        }
        if (c.right()) {
            g.drawLine(x + cellWidth, y, x + cellWidth, y + cell);
        }
    }
}
