package org.cnnlab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cnnlab.runtime.CnnLabRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {
    @Test
    void chartBecomesAPngOfItsOwnSizeWithItsTitleAsText() throws Exception {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("loss").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});
        MimeBundle b = Display.bundleOf(chart);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(b.png()));
        assertEquals(300, img.getWidth());
        assertEquals(200, img.getHeight());
        assertTrue(b.plainText().startsWith("loss"), b.plainText());
    }

    @Test
    void tableHasEscapedHtmlAndAlignedText() {
        Table t = Table.create("layers", StringColumn.create("layer", "conv<1>", "pool"),
                IntColumn.create("params", 156, 0));
        MimeBundle b = Display.bundleOf(t);
        assertTrue(b.get(MimeBundle.HTML).contains("<td>conv&lt;1&gt;</td>"), b.get(MimeBundle.HTML));
        assertTrue(b.plainText().contains("conv<1>") && b.plainText().contains("156"), b.plainText());
    }

    @Test
    void ndarrayImageKeepsItsPixelsAndTextSaysShape() throws Exception {
        CnnLabRuntime.init();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0, 1, 1, 0}, new ai.djl.ndarray.types.Shape(2, 2));
            MimeBundle b = Display.bundleOf(a);
            assertTrue(b.plainText().startsWith("NDArray (2, 2) float32"), b.plainText());
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(b.png()));
            int scale = img.getWidth() / 2;
            assertEquals(0x000000, img.getRGB(0, 0) & 0xFFFFFF);
            assertEquals(0xFFFFFF, img.getRGB(scale, 0) & 0xFFFFFF);
            NDArray vector = m.arange(5f);
            MimeBundle v = Display.bundleOf(vector);
            assertFalse(v.has(MimeBundle.PNG), "a vector is not an image");
        }
    }

    @Test
    void terminalHostWritesPicturesAsFilesAndOverwritesProgressLines(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalDisplayHost host = new TerminalDisplayHost(dir, new PrintStream(bytes, true));
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        host.display(Display.bundleOf(img));
        Path png = dir.resolve("picture-1.png");
        assertArrayEquals(Png.encode(img), Files.readAllBytes(png));
        DisplayHandle progress = host.display(MimeBundle.text("epoch 1 10%"));
        progress.update(MimeBundle.text("epoch 1 20%"));
        String out = bytes.toString();
        assertTrue(out.contains(png.toAbsolutePath().toString()), out);
        assertTrue(out.endsWith("epoch 1 10%\n\repoch 1 20%"), out);
    }

    @Test
    void javaArraysPrintAsAlignedMatrices() {
        assertEquals("[[4,  3, 4],\n [2, 10, 3]]", Display.bundleOf(new int[][] {{4, 3, 4}, {2, 10, 3}}).plainText());
        assertEquals("[3.25, 5.25]", Display.bundleOf(new double[] {3.25, 5.25}).plainText());
        assertEquals("[0]\n[[1]]\n\n[1]\n[[2]]", Display.bundleOf(new int[][][] {{{1}}, {{2}}}).plainText());
        assertEquals("[[2.0, 0.3333]]", Display.bundleOf(new double[][] {{2.0, 1 / 3.0}}).plainText());
    }
}
