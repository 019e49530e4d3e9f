package org.cnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cnnlab.Architectures;
import org.cnnlab.Cnn;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;
import org.junit.jupiter.api.Test;

/** Layer names as papers give them, global average pooling, and the same layers on other input sizes. */
class InputSizeAndNamesTest {
    private static final Cnn ALL_CONV = Cnn.input(1, 28, 28).conv(8, 3).padSame().relu().maxPool(2)
            .conv(16, 3).padSame().relu().globalAvgPool().dense(10);
    private static final Cnn DENSE = Cnn.input(1, 28, 28).conv(8, 3).padSame().relu().maxPool(2).flatten().dense(10);

    @Test
    void vggLayersHaveThePapersNames() {
        ModelSpec vgg = Architectures.vgg16().spec();
        List<String> convs = vgg.infos().stream().filter(i -> i.layer() instanceof ConvLayer).map(LayerInfo::name).toList();
        assertEquals(List.of("conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3", "conv4_1",
                "conv4_2", "conv4_3", "conv5_1", "conv5_2", "conv5_3"), convs);
        assertEquals(Volume.of(256, 56, 56), vgg.layer("conv3_2").output());
        assertEquals(Volume.of(512, 14, 14), vgg.layer("conv5_3").output());
        assertEquals(102_764_544, vgg.layer("fc6").parameters());
        assertEquals(Volume.vector(1000), vgg.layer("fc8").output());
        assertEquals(Volume.of(512, 7, 7), vgg.layer("pool5").output());
        assertEquals("relu3_2", vgg.layer(vgg.layer("conv3_2").index() + 1).name());
    }

    @Test
    void alexNetLayersHaveThePapersNames() {
        ModelSpec alex = Architectures.alexNet().spec();
        for (String name : List.of("conv1", "conv2", "conv3", "conv4", "conv5", "pool1", "pool2", "pool5", "fc6", "fc7", "fc8")) {
            alex.layer(name);
        }
        assertEquals(Volume.of(256, 6, 6), alex.layer("pool5").output());
        String msg = assertThrows(IllegalArgumentException.class, () -> alex.layer("conv3_2")).getMessage();
        assertTrue(msg.contains("no layer named 'conv3_2'") && msg.contains("fc8"), msg);
    }

    @Test
    void torchvisionAlexNetIsTheOneGpuVariantWithItsPublishedCount() {
        ModelSpec tv = Architectures.alexNetTorchvision().spec();
        assertEquals(61_100_840L, tv.parameterCount());
        assertEquals(Volume.of(64, 55, 55), tv.layer("conv1").output());
        assertEquals(Volume.of(256, 6, 6), tv.layer("pool5").output());
        assertTrue(tv.layer("conv1").layer().describe().contains("size rounded down"), tv.layer("conv1").layer().describe());
        assertEquals(60_965_224L, Architectures.alexNet().parameterCount());
        // Without the explicit floor, the explained refusal PyTorch would have hidden.
        String msg = assertThrows(GeometryException.class, () -> Cnn.input(3, 224, 224).conv(64, 11).stride(4).pad(2).spec())
                .getMessage();
        assertTrue(msg.contains("55.25"), msg);
    }

    @Test
    void namesAreUniqueAndChecked() {
        Cnn twice = Cnn.input(1, 8, 8).conv(2, 3).name("a").relu().name("a");
        String msg = assertThrows(IllegalArgumentException.class, twice::spec).getMessage();
        assertTrue(msg.contains("Two layers are named 'a'") && msg.contains("layer 1") && msg.contains("layer 2"), msg);
        msg = assertThrows(IllegalArgumentException.class, () -> Cnn.input(1, 8, 8).conv(2, 3).name("3x")).getMessage();
        assertTrue(msg.contains("Received: '3x'"), msg);
        assertThrows(GeometryException.class, () -> Cnn.input(1, 8, 8).name("x"));
        // Naming one layer leaves the automatic names of the others as they were.
        ModelSpec spec = Cnn.input(1, 8, 8).conv(2, 3).name("edges").conv(2, 3).relu().spec();
        assertEquals(List.of("edges", "conv1", "relu1"), spec.infos().stream().map(LayerInfo::name).toList());
    }

    @Test
    void savedTextKeepsNamesFloorAndGlobalPooling() {
        for (ModelSpec spec : List.of(Architectures.vgg16().spec(), Architectures.alexNetTorchvision().spec(), ALL_CONV.spec())) {
            ModelSpec back = ModelText.parse(spec.toText());
            assertEquals(spec, back);
            assertEquals(spec.infos().stream().map(LayerInfo::name).toList(), back.infos().stream().map(LayerInfo::name).toList());
        }
        assertTrue(Architectures.alexNetTorchvision().spec().toText().contains("conv1: conv 64 11x11 stride=4x4 pad=2x2 floor"));
    }

    @Test
    void globalAveragePoolingMakesOneNumberPerMap() {
        ModelSpec spec = ALL_CONV.spec();
        LayerInfo gap = spec.layer("globalAvgPool1");
        assertEquals(Volume.of(16, 14, 14), gap.input());
        assertEquals(Volume.vector(16), gap.output());
        assertEquals(0, gap.parameters());
        assertEquals("whole input", spec.layer("dense1").receptiveField());
        String msg = assertThrows(GeometryException.class, () -> DENSE.globalAvgPool().spec()).getMessage();
        assertTrue(msg.contains("flat vector") && msg.contains("How to fix it"), msg);
    }

    @Test
    void convolutionalNetworkTakesOtherSizesWithTheSameWeights() {
        ModelSpec built = ALL_CONV.spec();
        ModelSpec big = built.forInput(1, 56, 56);
        assertEquals(Volume.of(16, 28, 28), big.layer("conv2").output());
        assertEquals(Volume.vector(10), big.outputShape());
        assertEquals(built.parameterCount(), big.parameterCount());
        assertTrue(big.multiplyAdds() > 3 * built.multiplyAdds());
        assertEquals(Volume.vector(10), built.forInput(1, 30, 42).outputShape());
        assertTrue(big.summary().toString().contains("16 x 28 x 28"), big.summary().toString());
    }

    @Test
    void aDenseLayerPinsTheSizeAndSaysHowToFreeIt() {
        String msg = assertThrows(GeometryException.class, () -> DENSE.spec().forInput(1, 56, 56)).getMessage();
        assertTrue(msg.startsWith("This network was built for images of 1 x 28 x 28 and cannot take 1 x 56 x 56"), msg);
        assertTrue(msg.contains("dense1 (layer 5: dense 10 units) is fully connected"), msg);
        assertTrue(msg.contains("1,568 numbers it was built for, and these images give it 6,272"), msg);
        assertTrue(msg.contains(".globalAvgPool()"), msg);
    }

    @Test
    void aSizeALayerCannotTileIsExplainedWithTheLayer() {
        String msg = assertThrows(GeometryException.class, () -> ALL_CONV.spec().forInput(1, 29, 29)).getMessage();
        assertTrue(msg.startsWith("This network was built for images of 1 x 28 x 28 and cannot take 1 x 29 x 29"), msg);
        assertTrue(msg.contains("pool1 (layer 3: max pool 2x2, stride 2)"), msg);
        assertTrue(msg.contains("(29 - 2 + 2*0) / 2 + 1"), msg);
        msg = assertThrows(GeometryException.class, () -> ALL_CONV.spec().forInput(3, 28, 28)).getMessage();
        assertTrue(msg.contains("conv1 (layer 1: conv 3x3, 8 filters, pad 1) was built for 1 input channels"), msg);
        msg = assertThrows(GeometryException.class, () -> ALL_CONV.spec().forInput(1, 1, 1)).getMessage();
        assertTrue(msg.contains("cannot take 1 x 1 x 1"), msg);
    }
}
