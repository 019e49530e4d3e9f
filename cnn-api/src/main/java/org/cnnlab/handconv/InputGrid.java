package org.cnnlab.handconv;

import org.cnnlab.geometry.Sliding;

import org.cnnlab.handconv.Board.Cell;

/**
 * Draws one channel of an input as the window sees it: the padding ring in grey, the window outlined in
 * amber with each kernel weight under its number, and the rows and columns a floor throws away struck out.
 */
final class InputGrid {
    private InputGrid() {}

    /**
     * @param window  the window's top-left corner in input coordinates, or null for no window
     * @param weights the kernel weights to note under the window cells, or null
     * @param winner  a window cell to mark as the max pool's winner ({@code {i, j}}), or null
     * @param padText what a padding cell shows: {@code 0}, or {@code -inf} for max pooling
     */
    static Cell[][] cells(Planes image, int c, Sliding s, int[] window, double[][] weights, int[] winner,
            String padText) {
        int pad = s.pad();
        int rows = image.height() + 2 * pad;
        int cols = image.width() + 2 * pad;
        int keptRows = rows - (s.problem() == null ? s.droppedRows() : 0);
        int keptCols = cols - (s.problem() == null ? s.droppedCols() : 0);
        Cell[][] cells = new Cell[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                int ir = r - pad;
                int ic = k - pad;
                boolean padding = ir < 0 || ic < 0 || ir >= image.height() || ic >= image.width();
                String text = padding ? padText : Num.format(image.at(c, ir, ic));
                int wi = window == null ? -1 : ir - window[0];
                int wj = window == null ? -1 : ic - window[1];
                boolean inWindow = window != null && wi >= 0 && wj >= 0 && wi < s.windowHeight() && wj < s.windowWidth();
                Look look;
                if (inWindow) {
                    look = winner != null && winner[0] == wi && winner[1] == wj ? Look.WINNER
                            : padding ? Look.WINDOW_PADDING : Look.WINDOW;
                } else if (r >= keptRows || k >= keptCols) {
                    look = Look.DROPPED;
                } else {
                    look = padding ? Look.PADDING : Look.PLAIN;
                }
                String note = inWindow && weights != null ? "\u00d7" + Num.format(weights[wi][wj]) : "";
                cells[r][k] = new Cell(text, note, look, inWindow && wi == 0, inWindow && wj == s.windowWidth() - 1,
                        inWindow && wi == s.windowHeight() - 1, inWindow && wj == 0);
            }
        }
        return cells;
    }

    /** The title over an input grid: {@code input 5×5, padding 1 (channel 2)}. */
    static String title(Planes image, int c, Sliding s) {
        return "input " + image.height() + "\u00d7" + image.width() + (s.pad() > 0 ? ", padding " + s.pad() : "")
                + (image.channels() > 1 ? " \u00b7 channel " + (c + 1) : "");
    }

    /** An output grid: cells before {@code current} filled, the current one highlighted, later ones empty. */
    static Cell[][] output(double[][] values, int currentRow, int currentCol, boolean progressive) {
        Cell[][] cells = new Cell[values.length][values[0].length];
        int current = currentRow * values[0].length + currentCol;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[0].length; j++) {
                int n = i * values[0].length + j;
                Look look = n == current ? Look.CURRENT : !progressive || n < current || currentRow < 0 ? Look.DONE
                        : Look.PENDING;
                cells[i][j] = Cell.of(look == Look.PENDING ? "\u00b7" : Num.format(values[i][j]), look);
            }
        }
        return cells;
    }

    static Cell[][] plain(double[][] values, Look look) {
        Cell[][] cells = new Cell[values.length][values[0].length];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[0].length; j++) {
                cells[i][j] = Cell.of(Num.format(values[i][j]), look);
            }
        }
        return cells;
    }
}
