package org.cnnlab.data;

/**
 * The shape of one image as a CNN sees it: channels first, then height and width ({@code C x H x W}).
 * Fashion-MNIST is {@code 1x28x28} (one grey channel), CIFAR-10 is {@code 3x32x32} (red, green, blue).
 * A batch of {@code B} images then has shape {@code (B, C, H, W)}, the layout PyTorch and DJL expect.
 *
 * @param channels 1 for greyscale, 3 for RGB
 * @param height rows of pixels
 * @param width columns of pixels
 */
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("An image shape needs positive sizes. Received: channels="
                    + channels + ", height=" + height + ", width=" + width);
        }
    }

    /** Values in one image: {@code channels * height * width}. */
    public int size() {
        return channels * height * width;
    }

    /** Pixels in one channel plane: {@code height * width}. */
    public int planeSize() {
        return height * width;
    }

    /** As written in shapes throughout cnnlab, e.g. {@code 1x28x28}. */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
