package org.cnnlab.handconv;

import java.util.List;

/**
 * What one picture of a step shows, before it is drawn: rows of parts (number grids with a title, or a
 * symbol such as {@code *} or {@code =}), then lines of arithmetic, then notes. {@link BoardHtml} writes it as
 * a self-contained HTML table, {@link BoardPicture} paints it for the GIF, so both always agree.
 *
 * @param heading what this picture is, e.g. {@code Step 5 of 9: output[1][1] = 4}
 * @param rows    the parts, row by row
 * @param lines   the arithmetic, in monospace
 * @param notes   explanations in prose (why a size does not fit), shown as a warning
 */
record Board(String heading, List<List<Part>> rows, List<String> lines, List<String> notes) {

    /** A grid of cells under a title, or (when {@code cells} is null) a symbol between grids. */
    record Part(String title, Cell[][] cells, String symbol) {
        static Part grid(String title, Cell[][] cells) {
            return new Part(title, cells, null);
        }

        static Part symbol(String symbol) {
            return new Part("", null, symbol);
        }

        boolean isGrid() {
            return cells != null;
        }
    }

    /**
     * One number in a grid. {@code note} is a small second line (the kernel weight over a window cell);
     * the edges mark the window's outline.
     */
    record Cell(String text, String note, Look look, boolean top, boolean right, boolean bottom, boolean left) {
        static Cell of(String text, Look look) {
            return new Cell(text, "", look, false, false, false, false);
        }

        boolean outlined() {
            return top || right || bottom || left;
        }
    }

    /** The largest number of rows or columns of any grid, which decides how small the cells must be. */
    int largestGrid() {
        int n = 1;
        for (List<Part> row : rows) {
            for (Part p : row) {
                if (p.isGrid()) {
                    n = Math.max(n, Math.max(p.cells().length, p.cells()[0].length));
                }
            }
        }
        return n;
    }

    /** The most characters any grid cell shows, so cells can widen for {@code 0.25} or {@code -12}. */
    int widestText() {
        int n = 1;
        for (List<Part> row : rows) {
            for (Part p : row) {
                if (p.isGrid()) {
                    for (Cell[] r : p.cells()) {
                        for (Cell c : r) {
                            n = Math.max(n, c.text().length());
                        }
                    }
                }
            }
        }
        return n;
    }
}
