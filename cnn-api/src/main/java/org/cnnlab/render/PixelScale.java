package org.cnnlab.render;

import java.awt.image.BufferedImage;

/**
 * How big a small image is shown: a 28x28 picture at 28 screen pixels is a smudge, a 4x3 array at 32x24 a
 * speck. Small images are enlarged by a whole factor until their longer side is at least {@link #MIN_SIDE}
 * pixels, each pixel becoming a square block (nearest neighbour: no blur invents values between pixels);
 * images already that big are left as they are. The one rule for every image cnn-api shows.
 */
public final class PixelScale {
    /** The longer side of a shown image, at least: a 28x28 picture becomes 224x224, eight screen pixels a pixel. */
    public static final int MIN_SIDE = 224;

    private PixelScale() {}

    /** The whole factor for an image of this size: 1 for one whose longer side is already {@link #MIN_SIDE}. */
    public static int factor(int width, int height) {
        int longer = Math.max(1, Math.max(width, height));
        return Math.max(1, (MIN_SIDE + longer - 1) / longer);
    }

    /** The image enlarged by {@link #factor}, pixels as square blocks; the same image when it is big enough. */
    public static BufferedImage enlarge(BufferedImage image) {
        int k = factor(image.getWidth(), image.getHeight());
        if (k == 1) {
            return image;
        }
        BufferedImage big = new BufferedImage(image.getWidth() * k, image.getHeight() * k,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                big.setRGB(x, y, image.getRGB(x / k, y / k));
            }
        }
        return big;
    }
}
