package org.cnnlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a user's own pictures laid out one sub-folder per class, the layout most tools use:
 * <pre>
 * root/
 *   cat/   a.jpg b.png ...
 *   dog/   c.jpg ...
 * </pre>
 * Classes are the sub-folder names in alphabetical order; pictures are PNG, JPEG, GIF or BMP (what
 * {@link ImageIO} reads), taken in alphabetical order, resized to the requested size. Other files and
 * hidden folders are ignored.
 */
final class ImageFolderReader {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".gif", ".bmp");

    private ImageFolderReader() {}

    static ImageDataset read(Path root, int height, int width, ColorMode mode) {
        ImageShape shape = new ImageShape(mode.channels(), height, width);
        List<Path> classFolders = classFolders(root);
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path folder : classFolders) {
            List<Path> pictures = pictures(folder);
            if (pictures.isEmpty()) {
                throw new DatasetException("Class folder " + folder + " holds no pictures (expected files ending in "
                        + String.join(", ", EXTENSIONS) + "). Add some, or remove the folder.");
            }
            for (Path p : pictures) {
                files.add(p);
                labels.add(classes.size());
            }
            classes.add(folder.getFileName().toString());
        }
        byte[] pixels = new byte[Math.multiplyExact(files.size(), shape.size())];
        for (int i = 0; i < files.size(); i++) {
            Pictures.fromImage(load(files.get(i)), mode, height, width, pixels, i * shape.size());
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return ImageDataset.wrap(root.getFileName() == null ? root.toString() : root.getFileName().toString(),
                shape, pixels, labelArray, classes);
    }

    private static List<Path> classFolders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + (Files.exists(root) ? " is a file" : " does not exist")
                    + ": expected a folder with one sub-folder per class, e.g. " + root.resolve("cat") + "/a.jpg, "
                    + root.resolve("dog") + "/b.png.");
        }
        List<Path> folders = list(root).stream().filter(Files::isDirectory)
                .filter(p -> !p.getFileName().toString().startsWith(".")).collect(Collectors.toList());
        if (folders.isEmpty()) {
            boolean loose = list(root).stream().anyMatch(ImageFolderReader::isPicture);
            throw new DatasetException(root + " has no class sub-folders" + (loose ? " (its pictures lie directly in it)" : "")
                    + ". Put the pictures of each class in a sub-folder named after the class, e.g. "
                    + root.resolve("cat") + "/a.jpg and " + root.resolve("dog") + "/b.png.");
        }
        return folders;
    }

    private static List<Path> pictures(Path folder) {
        return list(folder).stream().filter(ImageFolderReader::isPicture).collect(Collectors.toList());
    }

    private static boolean isPicture(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static BufferedImage load(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new DatasetException(file + " is not a picture ImageIO can read (its name says "
                        + file.getFileName() + " but the content is not PNG, JPEG, GIF or BMP). Convert or remove it.");
            }
            return image;
        } catch (IOException e) {
            throw new DatasetException(file + " could not be read as a picture: " + e.getMessage()
                    + ". It may be damaged; open it in an image viewer, then re-save or remove it.", e);
        }
    }

    /** The entries of {@code folder}, sorted by name so the order is the same on every machine. */
    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new DatasetException(folder + " could not be listed: " + e + ".", e);
        }
    }
}
