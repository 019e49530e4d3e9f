package org.cnnlab.explain;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cnnlab.pictures.ColorMap;
import org.cnnlab.pictures.Picture;
import org.cnnlab.pictures.Swatch;
import org.cnnlab.pictures.Tile;
import org.cnnlab.pictures.TileGrid;

/**
 * Which pixels of one image decided one class score: a number from 0 (no influence) to 1 (the most) per
 * pixel, drawn as the image, the heat map, and the heat map laid over the image. Made by
 * {@link Saliency#of} or {@link GradCam#of}; {@link #values()} gives the numbers.
 *
 * <p>Immutable: {@link #labels(List)} returns a new picture with class names in its captions.
 */
public final class Heatmap extends Picture {
    static final ColorMap COLORS = ColorMap.VIRIDIS;
    private final String method;
    private final float[][][] image;
    private final float[][] heat;
    private final float[] scores;
    private final int target;
    private final List<String> classNames;

    Heatmap(String method, float[][][] image, float[][] heat, float[] scores, int target, List<String> classNames) {
        this.method = method;
        this.image = image;
        this.heat = heat;
        this.scores = scores;
        this.target = target;
        this.classNames = classNames;
    }

    /** The same heat map with class names instead of class numbers, e.g. {@code labels(data.classNames())}. */
    public Heatmap labels(List<String> names) {
        if (names.size() != scores.length) {
            throw new IllegalArgumentException("labels needs one name per class: this network scores "
                    + scores.length + " classes. Received: " + names.size() + " names " + names + ".");
        }
        return new Heatmap(method, image, heat, scores, target, List.copyOf(names));
    }

    /** The heat per pixel {@code [row][column]}, from 0 to 1 (the hottest pixel is 1): a copy. */
    public float[][] values() {
        float[][] copy = new float[heat.length][];
        for (int y = 0; y < heat.length; y++) {
            copy[y] = heat[y].clone();
        }
        return copy;
    }

    /** The class whose score was explained. */
    public int targetClass() {
        return target;
    }

    /** The class the network answers for this image. */
    public int predictedClass() {
        return argMax(scores);
    }

    /** The probability the network gives the explained class (the softmax of its scores). */
    public double probability() {
        return probability(target);
    }

    /**
     * Which pixels are among the hottest {@code fraction} of the image ({@code 0.1}: the top 10%), as
     * {@code [row][column]} flags. Ties at the threshold are broken in reading order, so exactly
     * {@code round(fraction * pixels)} flags are set (at least one).
     */
    public boolean[][] hottest(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction is a share of the pixels, above 0 and at most 1 (0.1 is the "
                    + "hottest 10%). Received: " + fraction + ".");
        }
        int h = heat.length;
        int w = heat[0].length;
        Integer[] order = new Integer[h * w];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(heat[b / w][b % w], heat[a / w][a % w]));
        int n = Math.max(1, (int) Math.round(fraction * h * w));
        boolean[][] top = new boolean[h][w];
        for (int i = 0; i < n; i++) {
            top[order[i] / w][order[i] % w] = true;
        }
        return top;
    }

    /**
     * The share of the hottest {@code fraction} of pixels that lie inside the box of {@code height} rows and
     * {@code width} columns whose top-left pixel is ({@code top}, {@code left}). 1 means all of the heat's
     * peak is in the box; a heat map that ignored the box would give about the box's share of the image.
     */
    public double shareInside(double fraction, int top, int left, int height, int width) {
        boolean[][] hot = hottest(fraction);
        int inside = 0;
        int all = 0;
        for (int y = 0; y < hot.length; y++) {
            for (int x = 0; x < hot[0].length; x++) {
                if (hot[y][x]) {
                    all++;
                    inside += y >= top && y < top + height && x >= left && x < left + width ? 1 : 0;
                }
            }
        }
        return (double) inside / all;
    }

    /** The heat map laid over the image: the hotter a pixel, the more of the heat colour covers it. */
    public BufferedImage overlay() {
        return Overlay.over(image, heat, COLORS);
    }

    @Override
    public BufferedImage image() {
        String name = className(target);
        return TileGrid.of(List.of(Tile.of(Swatch.image(image), "image"), Tile.of(heat, method.split(" ")[0]),
                        Tile.of(overlay(), "over the image")))
                .title(method + " for " + name)
                .notes(answer(), "bright: pixels that pushed the score of " + name + " up the most")
                .colors(COLORS).range(0, 1).tileSize(168).legend("influence")
                .image();
    }

    /** The network's answer, and the explained class's probability when it is another class. */
    private String answer() {
        String answer = String.format(Locale.ROOT, "the network answers %s (%.0f%%)", className(predictedClass()),
                100 * probability(predictedClass()));
        return target == predictedClass() ? answer
                : answer + String.format(Locale.ROOT, "; it gives %s %.0f%%", className(target), 100 * probability());
    }

    @Override
    public String describe() {
        int h = heat.length;
        int w = heat[0].length;
        double[] centre = centreOfHeat();
        return String.format(Locale.ROOT, "%s for %s: a %dx%d heat map; %s.%n"
                        + "Centre of the heat at row %.1f, column %.1f; the hottest 10%% of pixels lie in %s.",
                method, className(target), h, w, answer(), centre[0], centre[1], box(hottest(0.1)));
    }

    /** Softmax of the scores at class {@code k}: {@code exp(s_k) / sum_j exp(s_j)}, computed without overflow. */
    private double probability(int k) {
        double max = scores[argMax(scores)];
        double sum = 0;
        for (float s : scores) {
            sum += Math.exp(s - max);
        }
        return Math.exp(scores[k] - max) / sum;
    }

    private String className(int k) {
        return classNames.isEmpty() ? "class " + k : classNames.get(k);
    }

    private double[] centreOfHeat() {
        double sum = 0;
        double ys = 0;
        double xs = 0;
        for (int y = 0; y < heat.length; y++) {
            for (int x = 0; x < heat[0].length; x++) {
                sum += heat[y][x];
                ys += y * heat[y][x];
                xs += x * heat[y][x];
            }
        }
        return sum == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {ys / sum, xs / sum};
    }

    /** The smallest box holding every flagged pixel, in words. */
    private static String box(boolean[][] hot) {
        int top = hot.length;
        int bottom = -1;
        int left = hot[0].length;
        int right = -1;
        for (int y = 0; y < hot.length; y++) {
            for (int x = 0; x < hot[0].length; x++) {
                if (hot[y][x]) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return "rows " + top + " to " + bottom + ", columns " + left + " to " + right;
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Scales {@code v} in place so that its largest value is 1 (all zeros stay zeros); returns it. */
    static float[][] normalized(float[][] v) {
        float max = 0;
        for (float[] row : v) {
            for (float x : row) {
                max = Math.max(max, x);
            }
        }
        if (max > 0) {
            for (float[] row : v) {
                for (int x = 0; x < row.length; x++) {
                    row[x] /= max;
                }
            }
        }
        return v;
    }
}
