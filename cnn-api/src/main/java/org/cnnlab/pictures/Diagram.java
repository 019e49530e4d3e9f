package org.cnnlab.pictures;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.geometry.Volume;
import org.cnnlab.model.ActivationLayer;
import org.cnnlab.model.ConvLayer;
import org.cnnlab.model.DenseLayer;
import org.cnnlab.model.FlattenLayer;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.model.PoolLayer;

/**
 * A network's layer stack, top to bottom: one block per layer whose height grows with the size of its maps
 * and whose length grows with their number, so the usual CNN story (maps shrink, channels multiply, then a
 * flat vector) can be seen; beside each, the layer's name, what it does, the shape it makes and what it
 * learns. SVG (self-contained: no scripts, no links) and PNG, drawn by the same code.
 *
 * <p>Made by {@code net.diagram()} or, without building anything, {@code Diagram.of(cnn.spec())}.
 */
public final class Diagram extends Picture {
    private static final Font NAME = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font HEAD = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final int ROW = 32;
    private static final int MAX_LENGTH = 110;
    private static final int DEPTH = 5;
    private final ModelSpec spec;
    private final String title;
    private BufferedImage painted;
    private String svg;

    private Diagram(ModelSpec spec, String title) {
        this.spec = spec;
        this.title = title;
    }

    public static Diagram of(ModelSpec spec) {
        return new Diagram(spec, "Network " + shape(spec.input()) + " \u2192 " + shape(spec.outputShape()) + ", "
                + String.format("%,d", spec.parameterCount()) + " parameters");
    }

    /** The same diagram under another title, e.g. {@code "LeNet-5"}. */
    public Diagram title(String title) {
        return new Diagram(spec, title);
    }

    @Override
    public synchronized BufferedImage image() {
        if (painted == null) {
            Canvas.Pixels c = new Canvas.Pixels(width(), height());
            draw(c);
            painted = c.finish();
        }
        return painted;
    }

    @Override
    public synchronized String svg() {
        if (svg == null) {
            Canvas.Svg c = new Canvas.Svg(width(), height());
            draw(c);
            svg = c.finish();
        }
        return svg;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(title).append('\n');
        for (String[] r : rows()) {
            s.append(String.format("%-9s %-34s %-14s %s%n", r[0], r[1], r[2], r[3]));
        }
        return s.toString().stripTrailing();
    }

    /** name, what it does, output shape, parameters: the input first, then every layer. */
    private List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"input", "image", shape(spec.input()), ""});
        for (LayerInfo i : spec.infos()) {
            rows.add(new String[] {i.name(), i.layer().describe(), shape(i.output()),
                    i.parameters() == 0 ? "" : String.format("%,d", i.parameters())});
        }
        return rows;
    }

    private int[] columns() {
        int[] w = new int[4];
        for (String[] r : rows()) {
            for (int k = 0; k < 4; k++) {
                w[k] = Math.max(w[k], Painter.width(k == 0 ? NAME : Painter.LABEL, r[k]));
            }
        }
        w[3] = Math.max(w[3], Painter.width(HEAD, "parameters"));
        int x0 = Painter.MARGIN + MAX_LENGTH + 8 + DEPTH + 16;
        int x1 = x0 + w[0] + 16;
        int x2 = x1 + w[1] + 20;
        int x3 = x2 + Math.max(w[2], Painter.width(HEAD, "output")) + 20 + w[3];
        return new int[] {x0, x1, x2, x3};
    }

    private int top() {
        return Painter.MARGIN + Painter.lineHeight(Painter.TITLE) + Painter.lineHeight(Painter.NOTE) + 14;
    }

    private int width() {
        int[] x = columns();
        return Math.max(x[3], Painter.MARGIN + Math.max(Painter.width(Painter.TITLE, title),
                Painter.width(Painter.NOTE, note()))) + Painter.MARGIN;
    }

    private int height() {
        return top() + 18 + rows().size() * ROW + Painter.MARGIN;
    }

    private static String note() {
        return "block height grows with map size (square root), length with the number of maps (log)";
    }

    private void draw(Canvas c) {
        int y = Painter.MARGIN + Painter.lineHeight(Painter.TITLE) - 4;
        c.text(title, Painter.MARGIN, y, Painter.TITLE, Painter.INK.getRGB() & 0xffffff, -1);
        c.text(note(), Painter.MARGIN, y + Painter.lineHeight(Painter.NOTE) + 2, Painter.NOTE, 0x5f5f5f, -1);
        int[] x = columns();
        int head = top() + 4;
        String[] heads = {"layer", "what it does", "output", "parameters"};
        for (int k = 0; k < 4; k++) {
            c.text(heads[k], x[k], head, HEAD, 0x5f5f5f, k == 3 ? 1 : -1);
        }
        c.polygon(new int[] {Painter.MARGIN, x[3], x[3], Painter.MARGIN}, new int[] {head + 6, head + 6, head + 6,
            head + 6}, -1, 0xd0d0d0);
        List<String[]> rows = rows();
        int maxSide = 1;
        int maxChannels = 1;
        for (Volume v : volumes()) {
            maxSide = Math.max(maxSide, v.flat() ? 1 : Math.max(v.height(), v.width()));
            maxChannels = Math.max(maxChannels, v.channels());
        }
        for (int r = 0; r < rows.size(); r++) {
            int cy = head + 14 + r * ROW + ROW / 2;
            Volume v = volumes().get(r);
            block(c, v, r == 0 ? null : spec.infos().get(r - 1), cy, maxSide, maxChannels);
            String[] row = rows.get(r);
            c.text(row[0], x[0], cy + 4, NAME, 0x222222, -1);
            c.text(row[1], x[1], cy + 4, Painter.LABEL, 0x5f5f5f, -1);
            c.text(row[2], x[2], cy + 4, Painter.LABEL, 0x222222, -1);
            c.text(row[3], x[3], cy + 4, Painter.LABEL, 0x5f5f5f, 1);
        }
    }

    /** A box: front face (length = channels, height = map size) with a lighter top and a darker side. */
    private static void block(Canvas c, Volume v, LayerInfo info, int cy, int maxSide, int maxChannels) {
        int side = v.flat() ? 4 : Math.max(v.height(), v.width());
        int h = v.flat() ? 4 : (int) Math.round(4 + 20 * Math.sqrt(side / (double) maxSide));
        int len = (int) Math.round(8 + (MAX_LENGTH - 8) * Math.log1p(v.channels()) / Math.log1p(maxChannels));
        int x = Painter.MARGIN;
        int y = cy - h / 2 + DEPTH / 2;
        int base = colour(info);
        int d = DEPTH;
        c.polygon(new int[] {x, x + len, x + len + d, x + d}, new int[] {y, y, y - d, y - d}, shade(base, 1.25), 0x6f6f6f);
        c.polygon(new int[] {x + len, x + len + d, x + len + d, x + len}, new int[] {y, y - d, y + h - d, y + h},
                shade(base, 0.8), 0x6f6f6f);
        c.polygon(new int[] {x, x + len, x + len, x}, new int[] {y, y, y + h, y + h}, base, 0x6f6f6f);
    }

    private List<Volume> volumes() {
        List<Volume> v = new ArrayList<>();
        v.add(spec.input());
        spec.infos().forEach(i -> v.add(i.output()));
        return v;
    }

    private static int colour(LayerInfo info) {
        if (info == null) {
            return 0x9aa5b1;
        }
        if (info.layer() instanceof ConvLayer) {
            return 0x5b8fd0;
        }
        if (info.layer() instanceof PoolLayer) {
            return 0xf0a04b;
        }
        if (info.layer() instanceof DenseLayer) {
            return 0x6bb26a;
        }
        if (info.layer() instanceof ActivationLayer) {
            return 0xd9d9d9;
        }
        return info.layer() instanceof FlattenLayer ? 0xb48ecb : 0xc9c3bb;
    }

    private static int shade(int rgb, double f) {
        int r = Math.min(255, (int) Math.round((rgb >> 16 & 0xff) * f));
        int g = Math.min(255, (int) Math.round((rgb >> 8 & 0xff) * f));
        int b = Math.min(255, (int) Math.round((rgb & 0xff) * f));
        return r << 16 | g << 8 | b;
    }

    /** {@code 6×28×28} for maps, {@code 120} for a flat vector. */
    static String shape(Volume v) {
        return v.flat() ? Integer.toString(v.channels()) : v.channels() + "\u00d7" + v.height() + "\u00d7" + v.width();
    }
}
