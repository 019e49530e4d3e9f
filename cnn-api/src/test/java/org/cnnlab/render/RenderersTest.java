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
        assertArrayEquals(Display.bundleOf(img).png(), Files.readAllBytes(png), "the file is the picture as shown");
        DisplayHandle progress = host.display(MimeBundle.text("epoch 1 10%"));
        progress.update(MimeBundle.text("epoch 1 20%"));
        String out = bytes.toString();
        assertTrue(out.contains(png.toAbsolutePath().toString()), out);
        assertTrue(out.endsWith("epoch 1 10%\n\repoch 1 20%"), out);
    }

    @Test
    void smallImagesAreEnlargedInSquareBlocksToASizeAPersonCanSee() throws Exception {
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        small.setRGB(3, 5, 0xffffff);
        MimeBundle b = Display.bundleOf(small);
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(b.png()));
        assertEquals(224, shown.getWidth(), "28 pixels, 8 screen pixels each");
        assertEquals(224, shown.getHeight());
        for (int y = 40; y < 48; y++) {
            for (int x = 24; x < 32; x++) {
                assertEquals(0xffffff, shown.getRGB(x, y) & 0xffffff, "pixel (3, 5) is an 8x8 white block, not a blur");
            }
        }
        assertEquals(0, shown.getRGB(23, 40) & 0xffffff);
        assertTrue(b.plainText().equals("image 28x28, shown 8 times larger"), b.plainText());
        BufferedImage big = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        assertEquals(300, ImageIO.read(new ByteArrayInputStream(Display.bundleOf(big).png())).getWidth(),
                "a big image is left as it is");
    }

    @Test
    void aSmallArrayIsShownAtLeastAsLargeAsAPicture() throws Exception {
        CnnLabRuntime.init();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.arange(12f).reshape(3, 4);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Display.bundleOf(a).png()));
            assertEquals(PixelScale.MIN_SIDE, img.getWidth(), "4 columns of 56 pixels, not 32x24");
            assertEquals(168, img.getHeight());
            assertEquals(img.getRGB(0, 0), img.getRGB(55, 55), "one value, one square block");
        }
    }

    @Test
    void aTerminalWritesAnimationsAndHtmlViewsAsFilesButNotTables(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalDisplayHost host = new TerminalDisplayHost(dir, new PrintStream(bytes, true));
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a'};
        host.display(MimeBundle.text("sliding\nstep 1").withGif(gif, 10, 10).withHtml("<img src=x>"));
        host.display(MimeBundle.text("step 1 of 9").withHtml("<div class=\"board\">1 2 3</div>"));
        host.display(Display.bundleOf(Table.create("t", IntColumn.create("n", 1))));
        assertArrayEquals(gif, Files.readAllBytes(dir.resolve("animation-1.gif")));
        assertFalse(Files.exists(dir.resolve("view-1.html")), "the GIF says what its HTML says");
        String page = Files.readString(dir.resolve("view-2.html"));
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<div class=\"board\">1 2 3</div>"), page);
        assertTrue(page.contains("<title>step 1 of 9</title>"), page);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "a table is text: no file for it");
        }
        String out = bytes.toString();
        assertTrue(out.contains("sliding  ->  " + dir.resolve("animation-1.gif").toAbsolutePath()), out);
        assertTrue(out.contains("step 1 of 9  ->  " + dir.resolve("view-2.html").toAbsolutePath()), out);
    }

    @Test
    void aTerminalHandleSaysWhichDisplayItIs(@TempDir Path dir) {
        TerminalDisplayHost host = new TerminalDisplayHost(dir, new PrintStream(new ByteArrayOutputStream(), true));
        host.display(MimeBundle.text("one"));
        assertEquals("display 2", host.display(MimeBundle.text("two")).toString(),
                "JShell echoes this, not a lambda's class name");
    }

    @Test
    void javaArraysPrintAsAlignedMatrices() {
        assertEquals("[[4,  3, 4],\n [2, 10, 3]]", Display.bundleOf(new int[][] {{4, 3, 4}, {2, 10, 3}}).plainText());
        assertEquals("[3.25, 5.25]", Display.bundleOf(new double[] {3.25, 5.25}).plainText());
        assertEquals("[0]\n[[1]]\n\n[1]\n[[2]]", Display.bundleOf(new int[][][] {{{1}}, {{2}}}).plainText());
        assertEquals("[[2.0, 0.3333]]", Display.bundleOf(new double[][] {{2.0, 1 / 3.0}}).plainText());
    }
}
