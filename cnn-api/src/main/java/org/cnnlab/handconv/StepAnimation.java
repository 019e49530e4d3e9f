package org.cnnlab.handconv;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.cnnlab.render.MimeBundle;

/**
 * The steps as an animated GIF: one frame per step, looping, the last frame held longer. A GIF plays in
 * every notebook front end, exported HTML file and image viewer with no JavaScript. The bundle carries it
 * twice: as {@code image/gif}, and inside {@code text/html} as an {@code <img>} with a data URL, because
 * front ends prefer HTML to images and would otherwise show nothing moving.
 */
final class StepAnimation {
    /** Past this many frames a GIF gets large and a student will not watch it to the end. */
    static final int MOST_FRAMES = 400;
    private static final int STEP_MS = 900;
    private static final int LAST_MS = 2500;

    private StepAnimation() {}

    static void checkFrames(int steps, String advice) {
        if (steps > MOST_FRAMES) {
            throw new IllegalStateException("An animation of " + steps + " steps would be too long to watch (at most "
                    + MOST_FRAMES + " frames): " + advice + ".");
        }
    }

    static View view(List<Board> boards, String text) {
        byte[] gif = gif(boards);
        int[] size = frameSize(boards);
        String b64 = Base64.getEncoder().encodeToString(gif);
        String html = "<img src=\"data:image/gif;base64," + b64 + "\" width=\"" + size[0] + "\" height=\"" + size[1]
                + "\" alt=\"" + BoardHtml.esc(text) + "\" style=\"max-width:100%;height:auto\">";
        return new View(MimeBundle.text(text).withGif(gif, size[0], size[1]).withHtml(html));
    }

    static int[] frameSize(List<Board> boards) {
        int w = 0;
        int h = 0;
        for (Board b : boards) {
            int[] s = BoardPicture.size(b);
            w = Math.max(w, s[0]);
            h = Math.max(h, s[1]);
        }
        return new int[] {w, h};
    }

    static byte[] gif(List<Board> boards) {
        int[] size = frameSize(boards);
        List<BufferedImage> frames = new ArrayList<>();
        for (Board b : boards) {
            frames.add(BoardPicture.paint(b, size[0], size[1]));
        }
        return encode(frames);
    }

    private static byte[] encode(List<BufferedImage> frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage f = frames.get(i);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f), param);
                timing(meta, i == frames.size() - 1 ? LAST_MS : STEP_MS, i == 0);
                writer.writeToSequence(new IIOImage(f, null, meta), param);
            }
            writer.endWriteSequence();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the animation as a GIF", e);
        } finally {
            writer.dispose();
        }
    }

    /** Sets a frame's delay and, on the first frame, the NETSCAPE2.0 extension that makes the GIF loop. */
    private static void timing(IIOMetadata meta, int millis, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(millis / 10));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
