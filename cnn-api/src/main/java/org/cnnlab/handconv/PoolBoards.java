package org.cnnlab.handconv;

import org.cnnlab.model.PoolLayer.Kind;

import org.cnnlab.geometry.Sliding;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.handconv.Board.Part;

/** Lays out the pictures of pooling: one step, the whole result, and the "does not fit" case. */
final class PoolBoards {
    private PoolBoards() {}

    /** Step {@code index} of {@code total}: the window on its channel, the winner or the mean, the output. */
    static Board step(PoolByHand<?> pool, PoolStep st, int index, int total, double[][] map) {
        Sliding s = pool.sliding();
        Planes image = pool.image();
        boolean max = pool.kind() == Kind.MAX;
        int[] winner = null;
        for (int i = 0; i < s.windowHeight() && max; i++) {
            for (int j = 0; j < s.windowWidth(); j++) {
                if (st.isWinner(i, j)) {
                    winner = new int[] {i, j};
                }
            }
        }
        List<Part> row = new ArrayList<>();
        row.add(Part.grid(InputGrid.title(image, st.channel(), s), InputGrid.cells(image, st.channel(), s,
                new int[] {st.top(), st.left()}, null, winner, padText(pool))));
        row.add(Part.symbol(max ? "max \u2192" : "mean \u2192"));
        row.add(Part.grid(outputTitle(map, image, st.channel()), InputGrid.output(map, st.row(), st.col(), true)));
        String heading = "Step " + (index + 1) + " of " + total + ": " + (image.channels() > 1
                ? "channel " + (st.channel() + 1) + ", " : "") + "output[" + st.row() + "][" + st.col() + "] = "
                + Num.format(st.value());
        return new Board(heading, List.of(row), List.of(st.calculation()), List.of());
    }

    static Board overview(PoolByHand<?> pool) {
        Sliding s = pool.sliding();
        Planes image = pool.image();
        double[][][] out = pool.values();
        List<List<Part>> rows = new ArrayList<>();
        for (int c = 0; c < image.channels(); c++) {
            rows.add(List.of(
                    Part.grid(InputGrid.title(image, c, s), InputGrid.cells(image, c, s, null, null, null, padText(pool))),
                    Part.symbol(pool.kind().word() + " pool " + s.windowHeight() + "\u00d7" + s.windowWidth() + " \u2192"),
                    Part.grid(outputTitle(out[c], image, c), InputGrid.output(out[c], -1, -1, false))));
        }
        String heading = s.subject() + (s.floored() && !pool.fits() ? ", floored" : "") + " gives " + pool.outputSize();
        return new Board(heading, rows, List.of(), ConvBoards.floorNote(s));
    }

    static Board doesNotFit(PoolByHand<?> pool, String problem) {
        Sliding floor = pool.sliding().withFloor();
        if (floor.problem() != null) {
            return new Board("Does not fit", List.of(), List.of(), problem.lines().toList());
        }
        PoolByHand<?> floored = pool.floored();
        PoolStep last = floored.step(0, floor.outHeight() - 1, floor.outWidth() - 1);
        double[][] out = floored.values()[0];
        List<Part> row = List.of(
                Part.grid(InputGrid.title(pool.image(), 0, floor), InputGrid.cells(pool.image(), 0, floor,
                        new int[] {last.top(), last.left()}, null, null, padText(pool))),
                Part.symbol(pool.kind().word() + " \u2192"),
                Part.grid("floored output " + out.length + "\u00d7" + out[0].length,
                        InputGrid.output(out, out.length - 1, out[0].length - 1, false)));
        return new Board("Does not fit: the last window ends before the image does", List.of(row),
                List.of("Struck out in red: what PyTorch's silent floor never looks at. Outlined: the last window that fits."),
                problem.lines().toList());
    }

    /** Max pooling pads with minus infinity (padding never wins), average pooling with zeros. */
    private static String padText(PoolByHand<?> pool) {
        return pool.kind() == Kind.MAX ? "\u2212\u221e" : "0";
    }

    private static String outputTitle(double[][] map, Planes image, int c) {
        return "output " + map.length + "\u00d7" + map[0].length + (image.channels() > 1 ? " \u00b7 channel " + (c + 1) : "");
    }
}
