package org.cnnlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.render.MimeBundle;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The diagram names every layer and the shape it makes, as standalone SVG, PNG and text. */
class DiagramTest {

    @Test
    void everyLayerAndShapeIsInTheSvg() throws Exception {
        ModelSpec spec = Architectures.leNet5(1, 28, 10).spec();
        Diagram d = Diagram.of(spec);
        String svg = d.svg();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("1\u00d728\u00d728"), "input shape");
        for (LayerInfo i : spec.infos()) {
            assertTrue(text.contains(i.name()), i.name());
            assertTrue(text.contains(Diagram.shape(i.output())), i.name() + " " + i.output());
        }
        assertTrue(text.contains("6\u00d728\u00d728") && text.contains("16\u00d75\u00d75") && text.contains("48,120"));
        assertFalse(svg.contains("<script") || svg.contains("href") || svg.contains("@import"), "self-contained");
        assertTrue(svg.contains("Network 1\u00d728\u00d728 \u2192 10, 61,706 parameters"));
    }

    @Test
    void pngAndTextComeWithIt() {
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            MimeBundle b = net.diagram().toMimeBundle();
            assertTrue(b.has(MimeBundle.PNG) && b.has(MimeBundle.SVG));
            String text = b.plainText();
            assertTrue(text.lines().anyMatch(l -> l.startsWith("conv1") && l.contains("6\u00d728\u00d728")
                    && l.contains("156")), text);
            assertEquals(2 + net.spec().infos().size(), text.lines().count(), text);
            assertTrue(net.diagram().image().getHeight() > 30 * 12);
        }
        Diagram vgg = Diagram.of(Architectures.vgg16().spec()).title("VGG-16");
        assertTrue(vgg.svg().contains(">VGG-16<"));
        assertTrue(vgg.describe().contains("138,357,544") || vgg.describe().contains("dense"), vgg.describe());
    }
}
