package org.cnnlab.handconv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cnnlab.Conv;
import org.cnnlab.Pool;
import org.cnnlab.render.Displayable;
import org.cnnlab.render.MimeBundle;
import org.junit.jupiter.api.Test;

/**
 * The step pictures: what they contain, that they carry no script, and a gallery under
 * {@code target/gallery/handconv/} to look at in a browser.
 */
class StepViewTest {
    private static final Path GALLERY = Path.of("target", "gallery", "handconv");
    private static final int[][] IMAGE = ConvByHandTest.IMAGE;
    private static final int[][] KERNEL = ConvByHandTest.KERNEL;

    private static String html(Displayable d, String file) throws IOException {
        String html = d.toMimeBundle().get(MimeBundle.HTML);
        Files.createDirectories(GALLERY);
        Files.writeString(GALLERY.resolve(file), "<!doctype html><meta charset=\"utf-8\"><title>" + file
                + "</title><body style=\"margin:16px;background:#fff\">" + html + "</body>", StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), file);
        assertFalse(html.contains("<style"), file);
        assertFalse(html.contains("http"), file);
        return html;
    }

    private static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aStepViewHighlightsTheWindowAndTheOutputCell() throws IOException {
        var conv = Conv.byHand(IMAGE, KERNEL);
        Displayable view = conv.stepView(1, 2);
        String html = html(view, "conv-step.html");
        assertEquals(9, count(html, "background:" + Look.WINDOW.background), "the 3x3 window's cells");
        assertEquals(9 + 9, count(html, "background:" + Look.KERNEL.background) + count(html, "background:" + Look.WINDOW.background));
        assertEquals(1, count(html, "background:" + Look.CURRENT.background), "the output cell being filled");
        assertTrue(html.contains("<b>3</b></td>"), "the output value, highlighted");
        assertTrue(html.contains("Step 6 of 9: output[1][2] = 3"), html);
        assertTrue(html.contains("1*1 + 1*0 + 0*1 + 1*0 + 1*1 + 1*0 + 1*1 + 1*0 + 0*1 = 3"));
        assertTrue(view.toMimeBundle().plainText().startsWith("output[1][2] = 3"));
    }

    @Test
    void paddingIsDrawnGrey() throws IOException {
        String html = html(Conv.byHand(IMAGE, KERNEL).pad(1).stride(2).stepView(0, 0), "conv-step-padding-stride.html");
        assertEquals(7 * 7 - 25 - 5, count(html, "background:" + Look.PADDING.background), "the ring outside the window");
        assertEquals(5, count(html, "background:" + Look.WINDOW_PADDING.background), "padding under the window");
    }

    @Test
    void doesNotFitShowsTheExplanationAndStrikesOutWhatAFloorDrops() throws IOException {
        var conv = Conv.byHand(ConvByHandTest.square(7), KERNEL).stride(3);
        MimeBundle b = conv.toMimeBundle();
        String html = html(conv, "conv-does-not-fit.html");
        assertTrue(b.plainText().startsWith("Conv.byHand(7x7 image, 3x3 kernel, stride 3) does not fit"));
        assertTrue(html.contains("not a whole number"), html);
        assertEquals(7 + 6, count(html, "background:" + Look.DROPPED.background), "the last row and column");
        html(conv.floored(), "conv-floored.html");
        html(conv.floored().stepView(1, 1), "conv-floored-step.html");
        html(Pool.max(ConvByHandTest.square(5), 2), "pool-does-not-fit.html");
    }

    @Test
    void depthAndBanksAreDrawnChannelByChannel() throws IOException {
        Random r = new Random(3);
        int[][][] image = new int[3][5][5];
        int[][][][] bank = new int[2][3][3][3];
        for (int[][] p : image) {
            for (int[] row : p) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextInt(3);
                }
            }
        }
        for (int[][][] f : bank) {
            for (int[][] p : f) {
                for (int[] row : p) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = r.nextInt(3) - 1;
                    }
                }
            }
        }
        var conv = Conv.byHand(image, bank).pad(1).bias(1, -1);
        String html = html(conv.stepView(1, 2, 3), "conv-bank-step.html");
        assertEquals(27, count(html, "background:" + Look.WINDOW.background) + count(html, "background:" + Look.WINDOW_PADDING.background));
        assertTrue(html.contains("channel 2: "), html);
        html(conv, "conv-bank.html");
    }

    @Test
    void theLeNetSizedBankStillDrawsOneStep() throws IOException {
        Random r = new Random(5);
        int[][][] image = new int[3][32][32];
        for (int[][] p : image) {
            for (int[] row : p) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextInt(10);
                }
            }
        }
        int[][][][] bank = new int[6][3][5][5];
        bank[0][0][2][2] = 1;
        String html = html(Conv.byHand(image, bank).stepView(0, 13, 9), "conv-32x32x3-six-filters-step.html");
        assertTrue(html.contains("Step 374 of 4704"), "filter 0, row 13, col 9");
        assertTrue(html.length() < 1_500_000, "size " + html.length());
    }

    @Test
    void poolViewsMarkTheWinnerOrTheMean() throws IOException {
        int[][] map = PoolByHandTest.MAP;
        String max = html(Pool.max(map, 2).stepView(0, 1), "pool-max-step.html");
        assertEquals(1, count(max, "background:" + Look.WINNER.background));
        assertTrue(max.contains("max(2, 4, 7, 8) = 8"), max);
        String avg = html(Pool.average(map, 2).pad(1).stride(2).stepView(0, 0), "pool-average-padded-step.html");
        assertTrue(avg.contains("/ 4 = 0.25"), avg);
        String padded = html(Pool.max(map, 3).stride(2).pad(1).floored().stepView(0, 0), "pool-max-padded-step.html");
        assertTrue(padded.contains("\u2212\u221e"), "max pooling pads with minus infinity");
        html(Pool.max(map, 2), "pool-max.html");
        html(Pool.max(map, 2).stepsView(), "pool-max-steps.html");
    }

    @Test
    void stepsViewShowsEveryStepOrCountsTheRest() throws IOException {
        String all = html(Conv.byHand(IMAGE, KERNEL).stepsView(), "conv-steps.html");
        assertEquals(9, count(all, "Step "));
        String many = Conv.byHand(ConvByHandTest.square(12), KERNEL).stepsView().toMimeBundle().get(MimeBundle.HTML);
        assertEquals(StepList.MOST, count(many, ">Step "));
        assertTrue(many.contains("and 64 more steps"), "100 steps, 36 drawn");
    }

    @Test
    void theAnimationHasOneFramePerStep() throws IOException {
        MimeBundle b = Conv.byHand(IMAGE, KERNEL).pad(1).animation().toMimeBundle();
        byte[] gif = Base64.getDecoder().decode(b.get(MimeBundle.GIF));
        Files.createDirectories(GALLERY);
        Files.write(GALLERY.resolve("conv-steps.gif"), gif);
        assertEquals(25, frames(gif));
        assertTrue(b.get(MimeBundle.HTML).startsWith("<img src=\"data:image/gif;base64,"));
        byte[] pool = Base64.getDecoder().decode(Pool.max(PoolByHandTest.MAP, 2).animation().toMimeBundle().get(MimeBundle.GIF));
        Files.write(GALLERY.resolve("pool-steps.gif"), pool);
        assertEquals(4, frames(pool));
        String msg = assertThrows(IllegalStateException.class,
                () -> Conv.byHand(ConvByHandTest.square(30), KERNEL).animation()).getMessage();
        assertTrue(msg.startsWith("An animation of 784 steps would be too long"), msg);
    }

    private static int frames(byte[] gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }
}
