package org.cnnlab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cnnlab.Architectures;
import org.cnnlab.Conv;
import org.cnnlab.Explore;
import org.cnnlab.Pool;
import org.cnnlab.render.MimeBundle;
import org.junit.jupiter.api.Test;

/**
 * The explorers' bundles: live HTML with its numbers and script inline and nothing fetched, a static picture
 * inside the HTML and as a PNG, a fresh element id per output. What the page does is tested in Chromium
 * (tests/explore).
 */
class ExploreTest {
    static final int[][] IMAGE = {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}};
    static final int[][] KERNEL = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};

    @Test
    void aConvolutionExplorerCarriesItsNumbersItsScriptAndAStaticPicture() {
        MimeBundle b = Explore.conv(Conv.byHand(IMAGE, KERNEL)).toMimeBundle();
        String html = b.get(MimeBundle.HTML);
        assertTrue(b.png().length > 1000, "a PNG fallback for viewers without HTML");
        assertTrue(html.contains("<div class=\"cx-fallback\"><table") || html.contains("<div class=\"cx-fallback\"><div"),
                "the static board sits inside the HTML, for viewers that strip scripts");
        assertTrue(html.contains("function cnnlabExplore"), "the script is inline");
        assertTrue(html.contains("\"out\":[[[4,3,4],[2,4,3],[2,3,4]]]"), "cnn-api's output for stride 1, pad 0 is embedded");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing is fetched");
        assertTrue(b.plainText().startsWith("Convolution explorer"), b.plainText());
    }

    @Test
    void everyOutputHasItsOwnElementId() {
        var conv = Conv.byHand(IMAGE, KERNEL);
        assertNotEquals(id(Explore.conv(conv).html()), id(Explore.conv(conv).html()));
    }

    @Test
    void theStrideThatDoesNotFitIsOfferedWithTheExplanationAndTheFlooredOutput() {
        int[][] seven = new int[7][7];
        String html = Explore.conv(Conv.byHand(seven, KERNEL).stride(3)).html();
        assertTrue(html.contains("(7 - 3 + 2*0) / 3 + 1 = 4/3 + 1 = 2.33"), "the formula with the real numbers");
        assertTrue(html.contains("does not fit its input"), "SizeRule's explanation");
        assertTrue(html.contains("\"droppedRows\":1"), "the skipped row, struck out by the page");
    }

    @Test
    void aFilterGeneratorOffersEveryFilterSizeTheImageTakes() {
        String html = Explore.conv(IMAGE, f -> new int[f][f], 3).html();
        assertTrue(html.contains("\"sizes\":[1,2,3,4,5]"), html.substring(0, 200));
        var e = assertThrows(IllegalArgumentException.class, () -> Explore.conv(IMAGE, f -> new int[f][f], 9));
        assertTrue(e.getMessage().contains("takes sizes 1 to 5"), e.getMessage());
    }

    @Test
    void aPoolingExplorerCarriesTheWindowSizesAndItsPicture() {
        int[][] map = {{1, 1, 2, 4}, {5, 6, 7, 8}, {3, 2, 1, 0}, {1, 2, 3, 4}};
        MimeBundle b = Explore.pool(Pool.max(map, 2)).toMimeBundle();
        assertTrue(b.get(MimeBundle.HTML).contains("\"kind\":\"max\""));
        assertTrue(b.get(MimeBundle.HTML).contains("\"out\":[[[6,8],[3,4]]]"));
        assertTrue(b.png().length > 1000);
    }

    @Test
    void aNetworkExplorerRefusesAnImageOfTheWrongShapeAndSaysWhatItTakes() throws Exception {
        try (var net = Architectures.leNet5(1, 28, 10).build()) {
            var e = assertThrows(IllegalArgumentException.class, () -> Explore.network(net, new float[3][32][32]));
            assertTrue(e.getMessage().contains("This network takes an image of 1 x 28 x 28"), e.getMessage());
            assertTrue(e.getMessage().contains("Received: 3 x 32 x 32"), e.getMessage());
            var x = Explore.network(net, new float[28][28]);
            assertTrue(x.html().contains("\"name\":\"conv2\""));
            assertTrue(x.toMimeBundle().png().length > 1000);
            Path page = x.save(Files.createTempDirectory("explore").resolve("lenet.html"));
            assertTrue(Files.readString(page).startsWith("<!DOCTYPE html>"));
        }
    }

    private static String id(String html) {
        Matcher m = Pattern.compile("id=\"(cnnlab-x-[^\"]+)\"").matcher(html);
        assertTrue(m.find());
        String id = m.group(1);
        assertEquals(2, html.split(Pattern.quote(id), -1).length - 1, "the id appears on the element and in the script");
        return id;
    }
}
