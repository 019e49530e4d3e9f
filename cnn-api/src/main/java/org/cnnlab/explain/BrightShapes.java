package org.cnnlab.explain;

import java.util.List;
import java.util.Random;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.data.ImageShape;

/**
 * Images whose answer is known by construction, to check that an explanation points where it should. Each
 * 28x28 grey image holds one bright shape (value 1.0) in one of its four quadrants, chosen at random, and a
 * dim diagonal line (0.35) in each of the three others, on faint noise. The class is the bright shape's
 * kind: {@code square} (filled), {@code frame} (hollow) or {@code plus}. The lines are there in every image,
 * so they say nothing about the class: the evidence is in one quadrant, {@link #quadrant(int)}, and a heat
 * map that shows where the evidence is must light up that quadrant.
 * <pre>{@code
 * var shapes = BrightShapes.make(1000, 1);
 * net.fit(shapes.images())...;
 * int[] box = shapes.quadrant(0);   // top, left, height, width of image 0's deciding quadrant
 * }</pre>
 *
 * <p>Why the kind and not the place decides: Grad-CAM weighs each feature map by its average gradient, so it
 * finds <i>where</i> the evidence for a class lies when the class is about <i>what</i> is seen, as it is in
 * photographs. A class defined by position alone is read by the dense layer's weights, not by any map, and
 * Grad-CAM has nothing to show for it.
 */
public final class BrightShapes {
    /** Image side in pixels. */
    public static final int SIZE = 28;
    private static final int HALF = SIZE / 2;
    private static final int SHAPE = 7;
    /** The kind drawn dim in the other quadrants: a diagonal line, which is none of the classes. */
    private static final int DISTRACTOR = 3;
    private static final List<String> CLASSES = List.of("square", "frame", "plus");
    private final ImageDataset images;
    private final int[] quadrants;

    private BrightShapes(ImageDataset images, int[] quadrants) {
        this.images = images;
        this.quadrants = quadrants;
    }

    /** {@code n} images, classes in turn (balanced); quadrants, positions and noise drawn from {@code seed}. */
    public static BrightShapes make(int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("n is the number of images, 1 or more. Received: n=" + n + ".");
        }
        Random random = new Random(seed);
        byte[] pixels = new byte[n * SIZE * SIZE];
        int[] labels = new int[n];
        int[] quadrants = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES.size();
            quadrants[i] = random.nextInt(4);
            int offset = i * SIZE * SIZE;
            for (int p = 0; p < SIZE * SIZE; p++) {
                pixels[offset + p] = (byte) random.nextInt(30);
            }
            for (int q = 0; q < 4; q++) {
                boolean bright = q == quadrants[i];
                int kind = bright ? labels[i] : DISTRACTOR;
                int top = q / 2 * HALF + 1 + random.nextInt(HALF - SHAPE - 1);
                int left = q % 2 * HALF + 1 + random.nextInt(HALF - SHAPE - 1);
                draw(pixels, offset, kind, top, left, (byte) (bright ? 255 : 90));
            }
        }
        ImageDataset images = ImageDataset.of("Bright shapes (seed " + seed + ")", new ImageShape(1, SIZE, SIZE),
                pixels, labels, CLASSES);
        return new BrightShapes(images, quadrants);
    }

    /** The images and their classes. */
    public ImageDataset images() {
        return images;
    }

    /** The quadrant holding image {@code i}'s bright shape, as {@code {top, left, height, width}} in pixels. */
    public int[] quadrant(int i) {
        if (i < 0 || i >= quadrants.length) {
            throw new IndexOutOfBoundsException("Image index " + i + " is outside these " + quadrants.length
                    + " images (valid: 0.." + (quadrants.length - 1) + ").");
        }
        return new int[] {quadrants[i] / 2 * HALF, quadrants[i] % 2 * HALF, HALF, HALF};
    }

    private static void draw(byte[] pixels, int offset, int kind, int top, int left, byte value) {
        for (int y = 0; y < SHAPE; y++) {
            for (int x = 0; x < SHAPE; x++) {
                boolean edge = y == 0 || x == 0 || y == SHAPE - 1 || x == SHAPE - 1;
                boolean centre = y == SHAPE / 2 || x == SHAPE / 2;
                boolean on = kind == 0 || (kind == 1 && edge) || (kind == 2 && centre) || (kind == DISTRACTOR && x == y);
                if (on) {
                    pixels[offset + (top + y) * SIZE + left + x] = value;
                }
            }
        }
    }
}
