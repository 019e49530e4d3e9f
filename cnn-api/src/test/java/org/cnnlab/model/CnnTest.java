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
import tech.tablesaw.api.Table;

class CnnTest {
    private static final Cnn LENET = Cnn.input(1, 28, 28)
            .conv(6, 5).pad(2).relu().maxPool(2)
            .conv(16, 5).relu().maxPool(2)
            .flatten().dense(120).relu().dense(84).relu().dense(10);

    @Test
    void leNetShapesFollowTheCourse() {
        List<LayerInfo> infos = LENET.spec().infos();
        assertEquals(Volume.of(6, 28, 28), infos.get(0).output());
        assertEquals(Volume.of(6, 14, 14), infos.get(2).output());
        assertEquals(Volume.of(16, 10, 10), infos.get(3).output());
        assertEquals(Volume.of(16, 5, 5), infos.get(5).output());
        assertEquals(Volume.vector(400), infos.get(6).output());
        assertEquals(Volume.vector(10), LENET.outputShape());
        assertEquals("conv1", infos.get(0).name());
        assertEquals("pool2", infos.get(5).name());
        assertEquals("dense3", infos.get(11).name());
    }

    @Test
    void parameterCountsEqualThePublishedFigures() {
        assertEquals(61_706, LENET.parameterCount());
        assertEquals(61_706, Architectures.leNet5().parameterCount());
        assertEquals(61_706, Architectures.leNet5(1, 28, 10).parameterCount());
        assertEquals(60_965_224, Architectures.alexNet().parameterCount());
        assertEquals(138_357_544, Architectures.vgg16().parameterCount());
        assertEquals(102_764_544, Architectures.vgg16().spec().layer("fc6").parameters());
        assertEquals(Volume.of(256, 6, 6), Architectures.alexNet().spec().layer("pool5").output());
        assertEquals(Volume.of(512, 7, 7), Architectures.vgg16().spec().layer("pool5").output());
    }

    @Test
    void smallVariantsFitTwentyEightAndThirtyTwo() {
        for (int size : new int[] {28, 32}) {
            assertEquals(Volume.vector(10), Architectures.leNet5(1, size, 10).outputShape());
            assertEquals(Volume.vector(10), Architectures.alexNet(3, size, 10).outputShape());
            assertEquals(Volume.of(128, 1, 1), Architectures.vgg16(1, size, 10).spec().layer("pool5").output());
        }
        String m = assertThrows(GeometryException.class, () -> Architectures.vgg16(3, 64, 10)).getMessage();
        assertTrue(m.contains("Received: size=64"), m);
    }

    @Test
    void alexNetOnTheTwoTwentyFourOfThePaperDoesNotFit() {
        String m = assertThrows(GeometryException.class,
                () -> Cnn.input(3, 224, 224).conv(96, 11).stride(4).spec()).getMessage();
        assertTrue(m.startsWith("conv1 (layer 1: conv 11x11, 96 filters, stride 4) does not fit its input along the height and width"), m);
        assertTrue(m.contains("(224 - 11 + 2*0) / 4 + 1 = 213/4 + 1 = 54.25"), m);
    }

    @Test
    void theStrideThreeCaseNamesItsLayerAndFixes() {
        String m = assertThrows(GeometryException.class,
                () -> Cnn.input(1, 7, 7).conv(1, 3).stride(3).build()).getMessage();
        assertTrue(m.startsWith("conv1 (layer 1: conv 3x3, 1 filter, stride 3) does not fit"), m);
        assertTrue(m.contains(".stride(1) gives 5, .stride(2) gives 3"), m);
    }

    @Test
    void aPoolThatDoesNotTileIsRefused() {
        String m = assertThrows(GeometryException.class,
                () -> Cnn.input(1, 7, 7).maxPool(2).spec()).getMessage();
        assertTrue(m.startsWith("pool1 (layer 1: max pool 2x2, stride 2) does not fit"), m);
        assertTrue(m.contains("(7 - 2 + 2*0) / 2 + 1 = 5/2 + 1 = 3.50"), m);
        assertTrue(m.contains("a 3x3 window at the same stride gives 3 (overlapping windows"), m);
        assertTrue(!m.contains(".stride(1)"), "a pool is not told to stop tiling: " + m);
    }

    @Test
    void denseBeforeFlattenSaysToFlatten() {
        String m = assertThrows(GeometryException.class,
                () -> Cnn.input(1, 28, 28).conv(16, 5).dense(10).spec()).getMessage();
        assertTrue(m.contains("dense1 (layer 2: dense 10 units) receives a 16 x 24 x 24 volume"), m);
        assertTrue(m.contains("add .flatten() before .dense(10); it would give 9216 inputs"), m);
        String conv = assertThrows(GeometryException.class,
                () -> Cnn.input(1, 28, 28).flatten().conv(6, 5).spec()).getMessage();
        assertTrue(conv.contains("receives a flat vector of 784"), conv);
    }

    @Test
    void modifiersMustFollowAConvOrPool() {
        String m = assertThrows(GeometryException.class, () -> Cnn.input(1, 28, 28).conv(6, 5).relu().pad(2))
                .getMessage();
        assertTrue(m.startsWith("pad(2) follows relu"), m);
        assertTrue(m.contains(".conv(6, 5).pad(2).relu()"), m);
        assertTrue(assertThrows(GeometryException.class, () -> Cnn.input(1, 28, 28).conv(6, 4).padSame())
                .getMessage().contains("needs an odd filter size"));
        assertTrue(assertThrows(GeometryException.class, () -> Cnn.input(1, 28, 28).conv(-3, 5))
                .getMessage().contains("Received: filters=-3"));
        assertTrue(assertThrows(GeometryException.class, () -> Cnn.input(0, 28, 28))
                .getMessage().contains("Received: channels=0"));
        assertTrue(assertThrows(GeometryException.class, () -> Cnn.input(1, 28, 28).dropout(1.0))
                .getMessage().contains("Received: rate=1.0"));
    }

    @Test
    void padSameKeepsTheSizeForOddFilters() {
        for (int f : new int[] {3, 5, 7}) {
            assertEquals(Volume.of(4, 32, 32), Cnn.input(3, 32, 32).conv(4, f).padSame().outputShape());
        }
    }

    @Test
    void nonSquareFiltersStridesAndPadding() {
        ModelSpec spec = Cnn.input(2, 10, 20).conv(3, 3, 5).stride(1, 3).pad(1, 0).maxPool(2, 3).spec();
        assertEquals(Volume.of(3, 10, 6), spec.layer("conv1").output());
        assertEquals(Volume.of(3, 5, 2), spec.layer("pool1").output());
        assertEquals(3 * (2 * 3 * 5 + 1), spec.layer("conv1").parameters());
        String m = assertThrows(GeometryException.class, () -> Cnn.input(1, 10, 21).conv(1, 3, 5).stride(1, 3).spec())
                .getMessage();
        assertTrue(m.contains("along the width"), m);
    }

    @Test
    void summaryHasTheCourseColumnsAndTotals() {
        Table t = LENET.summary();
        assertEquals(List.of("layer", "kind", "output shape", "parameters", "multiply-adds", "receptive field",
                "if fully connected", "memory per image"), t.columnNames());
        assertEquals(LENET.spec().infos().size() + 2, t.rowCount());
        assertEquals("conv1", t.stringColumn("layer").get(1));
        assertEquals("conv 5x5, 6 filters, pad 2", t.stringColumn("kind").get(1));
        assertEquals(156L, t.longColumn("parameters").get(1));
        assertEquals(6L * 28 * 28 * 25, t.longColumn("multiply-adds").get(1));
        assertEquals(784L * 4704 + 4704, t.longColumn("if fully connected").get(1));
        assertEquals("5x5", t.stringColumn("receptive field").get(1));
        assertEquals("6x6", t.stringColumn("receptive field").get(3));
        assertEquals("14x14", t.stringColumn("receptive field").get(4));
        assertEquals("16x16", t.stringColumn("receptive field").get(6));
        assertEquals("whole input", t.stringColumn("receptive field").get(8));
        assertEquals("total", t.stringColumn("layer").get(t.rowCount() - 1));
        assertEquals(61_706L, t.longColumn("parameters").get(t.rowCount() - 1));
        String text = t.printAll();
        assertTrue(text.contains("61,706"), text);
    }

    @Test
    void theTextFormRoundTrips() {
        ModelSpec alex = Architectures.alexNet().spec();
        assertEquals(alex, ModelText.parse(alex.toText()));
        ModelSpec odd = Cnn.input(2, 10, 20).conv(3, 3, 5).stride(1, 3).pad(1, 0).avgPool(2, 3).batchNorm().tanh()
                .sigmoid().flatten().dropout(0.25).dense(4).spec();
        assertEquals(odd, ModelText.parse(odd.toText()));
        String m = assertThrows(IllegalArgumentException.class, () -> ModelText.parse("input 1x28x28\nfoo 3"))
                .getMessage();
        assertTrue(m.contains("Line 2") && m.contains("unknown layer kind 'foo'"), m);
    }
}
