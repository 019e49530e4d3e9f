package org.cnnlab.handconv;

import org.cnnlab.geometry.Sliding;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.handconv.Board.Part;

/** Lays out the pictures of a convolution: one step, the whole result, and the "does not fit" case. */
final class ConvBoards {
    private static final String CONVOLVE = "\u2217";

    private ConvBoards() {}

    /**
     * Step {@code index} of {@code total}: each input channel with the window on it next to its kernel
     * channel, the output map with the cell being filled, and the dot product written out.
     */
    static Board step(ConvByHand<?> conv, ConvStep st, int index, int total, double[][] map) {
        Sliding s = conv.sliding();
        Planes image = conv.image();
        Planes kernel = conv.filters().get(st.filter());
        boolean deep = image.channels() > 1;
        List<List<Part>> rows = new ArrayList<>();
        double[][][] weights = kernel.values();
        for (int c = 0; c < image.channels(); c++) {
            List<Part> row = new ArrayList<>();
            row.add(Part.grid(InputGrid.title(image, c, s), InputGrid.cells(image, c, s,
                    new int[] {st.top(), st.left()}, weights[c], null, "0")));
            row.add(Part.symbol(CONVOLVE));
            row.add(Part.grid(kernelTitle(conv, st.filter(), c), InputGrid.plain(weights[c], Look.KERNEL)));
            row.add(Part.symbol(deep ? "\u2192 " + Num.format(st.channelSum(c)) : "="));
            if (!deep) {
                row.add(outputPart(conv, st, map, true));
            }
            rows.add(row);
        }
        if (deep) {
            rows.add(List.of(outputPart(conv, st, map, true)));
        }
        String where = (conv.filters().size() > 1 ? "filter " + (st.filter() + 1) + ", " : "") + "output[" + st.row()
                + "][" + st.col() + "] = " + Num.format(st.value());
        String heading = "Step " + (index + 1) + " of " + total + ": " + where;
        return new Board(heading, rows, st.dotProduct().lines().toList(), List.of());
    }

    /** The whole convolution at a glance: input, kernel(s), output; thrown-away cells struck when floored. */
    static Board overview(ConvByHand<?> conv) {
        Sliding s = conv.sliding();
        Planes image = conv.image();
        double[][][] out = conv.values();
        List<List<Part>> rows = new ArrayList<>();
        List<Part> inputs = new ArrayList<>();
        for (int c = 0; c < image.channels(); c++) {
            inputs.add(Part.grid(InputGrid.title(image, c, s), InputGrid.cells(image, c, s, null, null, null, "0")));
        }
        if (conv.filters().size() == 1 && image.channels() == 1) {
            inputs.add(Part.symbol(CONVOLVE));
            inputs.add(Part.grid(kernelTitle(conv, 0, 0), InputGrid.plain(conv.filters().get(0).values()[0], Look.KERNEL)));
            inputs.add(Part.symbol("="));
            inputs.add(Part.grid(outputTitle(out[0], conv, 0), InputGrid.output(out[0], -1, -1, false)));
            rows.add(inputs);
        } else {
            rows.add(inputs);
            List<Part> maps = new ArrayList<>();
            for (int f = 0; f < out.length; f++) {
                maps.add(Part.grid(outputTitle(out[f], conv, f), InputGrid.output(out[f], -1, -1, false)));
            }
            rows.add(maps);
        }
        String heading = s.subject() + (s.floored() && !conv.fits() ? ", floored" : "") + " gives "
                + conv.outputSize();
        return new Board(heading, rows, List.of(), floorNote(s));
    }

    /**
     * The refused case drawn: the rows and columns a floor would throw away struck out, the last window that
     * still fits outlined, the output PyTorch would give, and the explanation with its fixes.
     */
    static Board doesNotFit(ConvByHand<?> conv, String problem) {
        Sliding floor = conv.sliding().withFloor();
        if (floor.problem() != null) {
            return new Board("Does not fit", List.of(), List.of(), problem.lines().toList());
        }
        ConvByHand<?> floored = conv.floored();
        Planes image = conv.image();
        ConvStep last = floored.step(0, floor.outHeight() - 1, floor.outWidth() - 1);
        double[][] weights = conv.filters().get(0).values()[0];
        List<Part> row = new ArrayList<>();
        row.add(Part.grid(InputGrid.title(image, 0, floor) + (image.channels() > 1 ? " of " + image.channels() : ""),
                InputGrid.cells(image, 0, floor, new int[] {last.top(), last.left()}, weights, null, "0")));
        row.add(Part.symbol(CONVOLVE));
        row.add(Part.grid(kernelTitle(conv, 0, 0), InputGrid.plain(weights, Look.KERNEL)));
        row.add(Part.symbol("="));
        double[][] out = floored.values()[0];
        row.add(Part.grid("floored output " + out.length + "\u00d7" + out[0].length,
                InputGrid.output(out, out.length - 1, out[0].length - 1, false)));
        return new Board("Does not fit: the last window ends before the image does", List.of(row),
                List.of("Struck out in red: what PyTorch's silent floor never looks at. Outlined: the last window that fits."),
                problem.lines().toList());
    }

    static List<String> floorNote(Sliding s) {
        if (!s.floored() || s.exactProblem() == null) {
            return List.of();
        }
        return List.of("Floored, as PyTorch and DJL do: the struck-out rows and columns are never seen by any window.",
                "Without .floored() this is refused:", "", s.exactProblem());
    }

    private static Part outputPart(ConvByHand<?> conv, ConvStep st, double[][] map, boolean progressive) {
        return Part.grid(outputTitle(map, conv, st.filter()), InputGrid.output(map, st.row(), st.col(), progressive));
    }

    private static String outputTitle(double[][] map, ConvByHand<?> conv, int f) {
        return (conv.filters().size() > 1 ? "map " + (f + 1) + ", " : "output ") + map.length + "\u00d7" + map[0].length;
    }

    private static String kernelTitle(ConvByHand<?> conv, int f, int c) {
        Planes k = conv.filters().get(f);
        return (conv.filters().size() > 1 ? "filter " + (f + 1) : "kernel") + " " + k.height() + "\u00d7" + k.width()
                + (k.channels() > 1 ? " \u00b7 channel " + (c + 1) : "")
                + (c == 0 && conv.biasOf(f) != 0 ? ", bias " + Num.format(conv.biasOf(f)) : "");
    }
}
