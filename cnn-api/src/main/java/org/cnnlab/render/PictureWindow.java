package org.cnnlab.render;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * A window showing one picture, for JShell or a plain program on a desktop: the terminal host opens one
 * per displayed picture and redraws the same window when the picture is updated (a loss curve during
 * training). Never opened without a display ({@code java.awt.headless}).
 */
final class PictureWindow {
    private JFrame frame;
    private JLabel label;

    /** True when this JVM can open windows. */
    static boolean possible() {
        return !GraphicsEnvironment.isHeadless();
    }

    /** Shows (or replaces) the picture; returns at once, the window is drawn on Swing's thread. */
    void show(String title, byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            return;
        }
        if (image == null) {
            return;
        }
        SwingUtilities.invokeLater(() -> {
            if (frame == null) {
                frame = new JFrame(title);
                label = new JLabel(new ImageIcon(image));
                frame.add(label);
                frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
                frame.pack();
                frame.setLocationByPlatform(true);
                frame.setVisible(true);
            } else {
                frame.setTitle(title);
                label.setIcon(new ImageIcon(image));
                frame.pack();
            }
        });
    }
}
