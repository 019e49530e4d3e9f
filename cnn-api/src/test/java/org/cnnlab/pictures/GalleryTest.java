package org.cnnlab.pictures;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.junit.jupiter.api.Test;

/**
 * Writes one of every kind of picture into {@code target/gallery/} for a person to look at; the other tests
 * check the pictures' content. Untrained filters (seed 42) look like noise: that is what they are.
 */
class GalleryTest {
    static final Path GALLERY = Paths.get("target", "gallery");

    /** A hand-drawn 28x28 "7"-like digit in 0..1, so maps show edges rather than noise. */
    static float[][] digit() {
        float[][] img = new float[28][28];
        for (int x = 6; x < 22; x++) {
            for (int t = 0; t < 3; t++) {
                img[6 + t][x] = 1f;
            }
        }
        for (int y = 9; y < 24; y++) {
            int x = 21 - (y - 9) * 9 / 15;
            for (int t = -1; t <= 1; t++) {
                img[y][x + t] = 1f;
            }
        }
        return img;
    }

    @Test
    void writesEveryKindOfPicture() throws Exception {
        Engine.getInstance().setRandomSeed(42);
        List<Path> written = new ArrayList<>();
        try (Network lenet = Architectures.leNet5(1, 28, 10).build()) {
            written.add(lenet.filters("conv1").save(GALLERY.resolve("filters-conv1.png")));
            written.add(lenet.filters("conv1").global().save(GALLERY.resolve("filters-conv1-global.png")));
            written.add(lenet.filters("conv2").save(GALLERY.resolve("filters-conv2.png")));
            written.add(lenet.featureMaps(digit(), "conv1").save(GALLERY.resolve("featuremaps-conv1.png")));
            written.add(lenet.featureMaps(digit(), "relu1").save(GALLERY.resolve("featuremaps-relu1.png")));
            written.add(lenet.featureMaps(digit(), "conv1").withFilters()
                    .save(GALLERY.resolve("featuremaps-conv1-with-filters.png")));
            written.add(lenet.featureMaps(digit(), "conv2").withFilters()
                    .save(GALLERY.resolve("featuremaps-conv2-with-filters.png")));
            written.add(lenet.featureMaps(digit(), "relu1", "pool1", "relu2", "pool2")
                    .save(GALLERY.resolve("featuremaps-tour.png")));
            written.add(lenet.diagram().title("LeNet-5 for 28x28 images").save(GALLERY.resolve("diagram-lenet.svg")));
            written.add(lenet.diagram().title("LeNet-5 for 28x28 images").save(GALLERY.resolve("diagram-lenet.png")));
            written.add(lenet.filters("conv1").save(GALLERY.resolve("filters-conv1.txt")));
            written.add(lenet.featureMaps(digit(), "conv1").save(GALLERY.resolve("featuremaps-conv1.txt")));
        }
        try (Network alex = Architectures.alexNet(3, 32, 10).build()) {
            written.add(alex.filters("conv1").save(GALLERY.resolve("filters-alexnet-conv1-rgb.png")));
            written.add(alex.filters("conv2").save(GALLERY.resolve("filters-alexnet-conv2.png")));
        }
        written.add(Diagram.of(Architectures.vgg16().spec()).title("VGG-16").save(GALLERY.resolve("diagram-vgg16.png")));
        written.add(Diagram.of(Architectures.alexNet().spec()).title("AlexNet").save(GALLERY.resolve("diagram-alexnet.svg")));
        written.add(TileGrid.of(List.of(Tile.of(new float[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}, "Sobel x"),
                Tile.of(new float[][] {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}}, "Sobel y"),
                Tile.of(new float[][] {{0, -1, 0}, {-1, 4, -1}, {0, -1, 0}}, "Laplace")))
                .title("Three classic 3x3 kernels").notes("blue < 0 < red, white = 0; one scale for all")
                .colors(ColorMap.DIVERGING).normalize(Normalize.GLOBAL).save(GALLERY.resolve("tilegrid-kernels.png")));
        for (Path p : written) {
            assertTrue(Files.size(p) > 100, p + " is too small to be a picture");
        }
    }
}
