package org.cnnlab.data;

import static org.cnnlab.data.IdxReaderTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own pictures, one sub-folder per class, written by the test as PNG and JPEG. */
class ImageFolderTest {
    @TempDir
    Path root;

    private void picture(String path, Color color, int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, format, file.toFile());
    }

    private void threeClasses() throws IOException {
        picture("red/1.png", Color.RED, 64, 48, "png");
        picture("red/2.PNG", Color.RED, 10, 10, "png");
        picture("blue/only.jpg", Color.BLUE, 100, 100, "jpg");
        picture("green/a.png", Color.GREEN, 5, 7, "png");
        Files.writeString(root.resolve("green/notes.txt"), "not a picture, ignored");
        Files.createDirectories(root.resolve(".thumbnails"));
    }

    @Test
    void readsResizedRgbWithClassesInAlphabeticalOrder() throws IOException {
        threeClasses();
        ImageDataset data = Datasets.imageFolder(root, 16, 12);
        assertEquals(List.of("blue", "green", "red"), data.classNames());
        assertEquals(4, data.size());
        assertEquals(new ImageShape(3, 16, 12), data.shape());
        int[] red = data.pixels(2);
        assertEquals(255, red[0]);
        assertEquals(0, red[16 * 12]);
        int[] blue = data.pixels(0);
        assertTrue(blue[2 * 16 * 12 + 100] > 240, "JPEG is lossy, but blue stays blue: " + blue[2 * 16 * 12 + 100]);
        assertEquals(2, data.label(3), "files in a class are in name order too");
        assertEquals(16, data.picture(0).getHeight());
    }

    @Test
    void greyscaleUsesPerceivedBrightness() throws IOException {
        threeClasses();
        ImageDataset data = Datasets.imageFolder(root, 8, 8, ColorMode.GRAYSCALE);
        assertEquals(new ImageShape(1, 8, 8), data.shape());
        assertEquals(Math.round(0.587 * 255), data.pixels(1)[10], "green");
        assertEquals(Math.round(0.299 * 255), data.pixels(2)[10], "red");
    }

    @Test
    void anUnreadablePictureIsNamed() throws IOException {
        threeClasses();
        Files.writeString(root.resolve("red/3.png"), "this is text pretending to be a PNG");
        String m = message(() -> Datasets.imageFolder(root, 8, 8));
        assertTrue(m.contains(root.resolve("red/3.png") + " is not a picture ImageIO can read"), m);
    }

    @Test
    void anEmptyClassFolderIsAnError() throws IOException {
        threeClasses();
        Files.createDirectories(root.resolve("yellow"));
        String m = message(() -> Datasets.imageFolder(root, 8, 8));
        assertTrue(m.contains("Class folder " + root.resolve("yellow") + " holds no pictures"), m);
    }

    @Test
    void picturesWithoutClassFoldersGetTheLayoutExplained() throws IOException {
        picture("loose.png", Color.RED, 4, 4, "png");
        String m = message(() -> Datasets.imageFolder(root, 8, 8));
        assertTrue(m.contains("has no class sub-folders (its pictures lie directly in it)"), m);
        assertTrue(m.contains(root.resolve("cat") + "/a.jpg"), m);
        String absent = message(() -> Datasets.imageFolder(root.resolve("nope"), 8, 8));
        assertTrue(absent.contains(root.resolve("nope") + " does not exist"), absent);
    }
}
