package org.cnnlab;

import org.cnnlab.geometry.GeometryException;

/**
 * The classic CNNs of a course, as descriptions ready to {@link Cnn#summary() summarise} or
 * {@link Cnn#build() build}. Each full-size one follows a named reference, and its parameter count equals
 * that reference's published figure exactly; the small variants keep each design's shape of ideas on the
 * 28x28 and 32x32 images a laptop can train on.
 */
public final class Architectures {
    private Architectures() {}

    /**
     * LeNet-5 (LeCun, Bottou, Bengio and Haffner, 1998, "Gradient-based learning applied to document
     * recognition") on its 1 x 32 x 32 input, in the form every modern course teaches (as in Dive into Deep
     * Learning, section 7.6): C1 six 5x5 filters, S2 2x2 pooling, C3 sixteen 5x5 filters, S4 2x2 pooling,
     * then dense layers of 120, 84 and 10 units. <b>61,706 parameters.</b>
     *
     * <p>Where it differs from the paper, as all modern re-implementations do: C3 connects every filter to
     * all six S2 maps (the paper's connection table gave 1,516 instead of 2,416 weights there), pooling has
     * no learned coefficient, the output is a dense layer rather than Gaussian connections, and ReLU with
     * max pooling replaces the scaled tanh and average subsampling, because they train much faster.
     */
    public static Cnn leNet5() {
        return leNet5(1, 32, 10);
    }

    /**
     * LeNet-5 for {@code size x size} images of {@code channels} channels and {@code classes} classes. For
     * 28x28 (MNIST, Fashion-MNIST) the first convolution pads by 2, which turns 28 into the 32 of the paper;
     * with 1 channel and 10 classes the count stays 61,706.
     */
    public static Cnn leNet5(int channels, int size, int classes) {
        int pad = firstPad(size, "leNet5");
        return Cnn.input(channels, size, size)
                .conv(6, 5).pad(pad).relu().maxPool(2)
                .conv(16, 5).relu().maxPool(2)
                .flatten().dense(120).relu().dense(84).relu().dense(classes);
    }

    /**
     * AlexNet as published (Krizhevsky, Sutskever and Hinton, 2012, "ImageNet classification with deep
     * convolutional neural networks") on 3 x 227 x 227 images, 1000 classes: five conv layers (96 11x11
     * stride 4; 256 5x5; 384, 384, 256 3x3), three 3x3 stride-2 max pools, dense 4096, 4096, 1000 with
     * dropout 0.5. The paper split the network over two GPUs, so conv2, conv4 and conv5 see only their own
     * GPU's half of the channels: here {@code groups(2)}. <b>60,965,224 parameters</b>, the figure the
     * paper's "60 million" rounds. Local response normalisation is left out (it learns nothing and later
     * work dropped it).
     *
     * <p>The paper says 224 x 224, but 224 does not fit an 11x11 filter at stride 4: (224 - 11) / 4 + 1 =
     * 54.25. Its 55 x 55 maps need 227 — try {@code Cnn.input(3, 224, 224).conv(96, 11).stride(4)} to see.
     */
    public static Cnn alexNet() {
        return alexNetClassifier(Cnn.input(3, 227, 227)
                .conv(96, 11).stride(4).name("conv1").relu().name("relu1").maxPool(3).stride(2).name("pool1")
                .conv(256, 5).pad(2).groups(2).name("conv2").relu().name("relu2").maxPool(3).stride(2).name("pool2")
                .conv(384, 3).pad(1).name("conv3").relu().name("relu3")
                .conv(384, 3).pad(1).groups(2).name("conv4").relu().name("relu4")
                .conv(256, 3).pad(1).groups(2).name("conv5").relu().name("relu5").maxPool(3).stride(2).name("pool5"),
                4096, 1000);
    }

    /**
     * AlexNet as torchvision defines it ({@code torchvision.models.alexnet}), the network whose published
     * ImageNet weights ({@code alexnet-owt-7be5be79.pth}) people have: not the paper's. It follows Krizhevsky's
     * later one-GPU variant ("One weird trick for parallelizing convolutional neural networks", 2014): 64,
     * 192, 384, 256, 256 filters with no groups, and its first layer pads by 2. <b>61,100,840 parameters.</b>
     * Layer names as in the paper (conv1 … conv5, fc6 … fc8); {@code Weights} also finds torchvision's own
     * names ({@code features.0}, {@code classifier.1}…).
     *
     * <p>On its 224 x 224 input the first layer does not tile exactly, (224 - 11 + 2*2) / 4 + 1 = 55.25, and
     * PyTorch rounds down to 55: the last padding column is never reached. That layer is marked
     * {@code floorLikePyTorch()} so that the same images give the same numbers. torchvision also puts an
     * adaptive average pool before the classifier, which does nothing on 224 x 224 (6 x 6 in, 6 x 6 out) and
     * is left out: on other sizes this network refuses, explaining that fc6 is fully connected.
     */
    public static Cnn alexNetTorchvision() {
        return alexNetClassifier(Cnn.input(3, 224, 224)
                .conv(64, 11).stride(4).pad(2).floorLikePyTorch().name("conv1").relu().name("relu1")
                .maxPool(3).stride(2).name("pool1")
                .conv(192, 5).pad(2).name("conv2").relu().name("relu2").maxPool(3).stride(2).name("pool2")
                .conv(384, 3).pad(1).name("conv3").relu().name("relu3")
                .conv(256, 3).pad(1).name("conv4").relu().name("relu4")
                .conv(256, 3).pad(1).name("conv5").relu().name("relu5").maxPool(3).stride(2).name("pool5"),
                4096, 1000);
    }

    /** fc6, fc7 (each after dropout 0.5, with ReLU) and fc8, in the order torchvision's classifier has them. */
    private static Cnn alexNetClassifier(Cnn features, int dense, int classes) {
        return features.flatten()
                .dropout(0.5).name("drop6").dense(dense).name("fc6").relu().name("relu6")
                .dropout(0.5).name("drop7").dense(dense).name("fc7").relu().name("relu7")
                .dense(classes).name("fc8");
    }

    /**
     * AlexNet's design scaled down for 28x28 or 32x32 images: a larger first filter, overlapping 3x3
     * stride-2 max pooling, five conv layers with 3x3 filters after the first, and two dropout-regularised
     * dense layers — with channel counts a laptop can train (32, 64, 96, 96, 64; dense 256).
     */
    public static Cnn alexNet(int channels, int size, int classes) {
        int pad = firstPad(size, "alexNet");
        return alexNetClassifier(Cnn.input(channels, size, size)
                .conv(32, 5).pad(pad).relu().maxPool(2)
                .conv(64, 3).padSame().relu().maxPool(2)
                .conv(96, 3).padSame().relu()
                .conv(96, 3).padSame().relu()
                .conv(64, 3).padSame().relu().maxPool(3).stride(2), 256, classes);
    }

    /**
     * VGG-16, configuration D of Simonyan and Zisserman, 2014 ("Very deep convolutional networks for
     * large-scale image recognition", arXiv:1409.1556), on 3 x 224 x 224 images, 1000 classes: thirteen 3x3
     * conv layers with padding 1 in five blocks of 64, 128, 256, 512, 512 filters, each block ending in 2x2
     * max pooling, then dense 4096, 4096, 1000 with dropout. <b>138,357,544 parameters</b>, most of them
     * (102,764,544) in the first dense layer.
     */
    public static Cnn vgg16() {
        return vgg(Cnn.input(3, 224, 224), new int[] {64, 128, 256, 512, 512}, 1, 4096, 1000);
    }

    /**
     * VGG-16's design — the same thirteen 3x3 conv layers in five blocks, each halving the size — with a
     * quarter of the filters (16 … 128) and dense layers of 256, for 28x28 or 32x32 images. A 28x28 input
     * is padded to 32x32 by the first convolution (pad 3 instead of 1), as LeNet-5 pads by 2, so that five
     * halvings end exactly at 1x1.
     */
    public static Cnn vgg16(int channels, int size, int classes) {
        int extra = firstPad(size, "vgg16");
        return vgg(Cnn.input(channels, size, size), new int[] {16, 32, 64, 128, 128}, 1 + extra, 256, classes);
    }

    /**
     * Layers named as in the paper and the lecture: conv{block}_{i} and relu{block}_{i}, pool{block}, then fc6,
     * fc7, fc8. The order is torchvision's too ({@code features}: conv, relu … pool; {@code classifier}: fc6,
     * relu, dropout, fc7, relu, dropout, fc8), so its weights load by position as well as by name.
     */
    private static Cnn vgg(Cnn net, int[] widths, int firstPad, int dense, int classes) {
        int[] convsPerBlock = {2, 2, 3, 3, 3};
        for (int block = 0; block < widths.length; block++) {
            for (int i = 0; i < convsPerBlock[block]; i++) {
                String at = (block + 1) + "_" + (i + 1);
                net = net.conv(widths[block], 3).pad(block == 0 && i == 0 ? firstPad : 1).name("conv" + at)
                        .relu().name("relu" + at);
            }
            net = net.maxPool(2).name("pool" + (block + 1));
        }
        return net.flatten().dense(dense).name("fc6").relu().name("relu6").dropout(0.5).name("drop6")
                .dense(dense).name("fc7").relu().name("relu7").dropout(0.5).name("drop7").dense(classes).name("fc8");
    }

    /** The first layer's padding that turns a 28 or 32 input into the 32 the small designs are laid out for. */
    private static int firstPad(int size, String name) {
        if (size != 28 && size != 32) {
            throw new GeometryException(name + "(channels, size, classes) is laid out for 28x28 or 32x32 images. "
                    + "Received: size=" + size + ".\nHow to fix it: resize your images to 28 or 32, or describe "
                    + "your own network with Cnn.input(...).");
        }
        return (32 - size) / 2;
    }
}
