package org.cnnlab.data;

import java.io.InputStream;
import java.nio.file.Path;
import org.cnnlab.runtime.CnnLabRuntime;

/**
 * The front door to training data. Each method returns images already in memory, compact and ready to
 * batch:
 * <pre>{@code
 * var data = Datasets.fashionMnistSample();   // built in: 2,000 train + 500 test images, no set-up
 * var full = Datasets.fashionMnist();         // all 60,000 + 10,000
 * data.train(); data.test(); data.classNames();
 * }</pre>
 *
 * <p><b>Where the full datasets come from.</b> {@link #fashionMnist()} and {@link #mnist()} look, in order:
 * <ol>
 *   <li>in your dataset folder, {@code ~/.cnnlab/datasets/fashion-mnist} (or {@code .../mnist});</li>
 *   <li>in the folder a Linux package installs: {@code /usr/share/datasets/fashion-mnist}
 *       ({@code apt-get install dataset-fashion-mnist} on Debian or Ubuntu);</li>
 *   <li>on the internet: the four files are downloaded into your dataset folder, each checked against
 *       the checksum upstream publishes, so the next call finds them in step 1.</li>
 * </ol>
 * They never fall back silently to the sample: when all three fail, the {@link DatasetException} lists
 * what was tried and how to fix it. Pass a folder ({@link #fashionMnist(Path)}) to load from exactly there.
 *
 * <p><b>Settings</b> (a system property wins over the environment variable):
 * <ul>
 *   <li>{@code cnnlab.datasets} / {@code CNNLAB_DATASETS}: the dataset folder; default {@code datasets} in
 *       cnnlab's home ({@link CnnLabRuntime#home()}).</li>
 *   <li>{@code cnnlab.download} / {@code CNNLAB_DOWNLOAD}: {@code false} never touches the network.</li>
 *   <li>{@code cnnlab.datasets.fashion-mnist.url} / {@code CNNLAB_FASHION_MNIST_URL} (and
 *       {@code cnnlab.datasets.mnist.url} / {@code CNNLAB_MNIST_URL}): a mirror to download from; the files
 *       must still match upstream's checksums.</li>
 * </ul>
 *
 * <p>Formats read: idx (MNIST, Fashion-MNIST; gzipped or not), CIFAR-10's binary batches, and folders of
 * PNG/JPEG pictures, one sub-folder per class.
 */
public final class Datasets {
    static final String SAMPLE_FOLDER = "fashion-mnist-sample/";
    private static volatile DatasetPair sample;

    private Datasets() {}

    /**
     * A class-balanced sample of Fashion-MNIST packed in the jar: 2,000 training images (200 per class) and
     * 500 test images (50 per class), chosen at random with a fixed seed. Works anywhere, instantly; enough
     * to see a small CNN learn (expect roughly 75-80% test accuracy), not enough to train a good one.
     */
    public static DatasetPair fashionMnistSample() {
        DatasetPair s = sample;
        if (s == null) {
            ImageDataset train = sampleResource("train", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
            ImageDataset test = sampleResource("test", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
            s = new DatasetPair("Fashion-MNIST (sample)", train, test,
                    "cnnlab's jar, org/cnnlab/data/" + SAMPLE_FOLDER + " (a sample of Fashion-MNIST, MIT licence)");
            sample = s;
        }
        return s;
    }

    /**
     * Fashion-MNIST, Zalando's pictures of clothing: 60,000 training and 10,000 test images, 28x28
     * greyscale, 10 classes (T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag,
     * Ankle boot). A harder drop-in replacement for MNIST (https://github.com/zalandoresearch/fashion-mnist).
     * Found or downloaded as the class comment describes.
     */
    public static DatasetPair fashionMnist() {
        return IdxLoader.find(IdxCollection.FASHION_MNIST, IdxSources.defaults(IdxCollection.FASHION_MNIST));
    }

    /** Fashion-MNIST from the four idx files in {@code folder} (gzipped or not); looks nowhere else. */
    public static DatasetPair fashionMnist(Path folder) {
        return IdxLoader.fromFolder(IdxCollection.FASHION_MNIST, folder);
    }

    /**
     * MNIST, handwritten digits 0-9: 60,000 training and 10,000 test images, 28x28 greyscale. The classic
     * first dataset; class names are "0".."9". Found or downloaded as the class comment describes.
     */
    public static DatasetPair mnist() {
        return IdxLoader.find(IdxCollection.MNIST, IdxSources.defaults(IdxCollection.MNIST));
    }

    /** MNIST from the four idx files in {@code folder} (gzipped or not); looks nowhere else. */
    public static DatasetPair mnist(Path folder) {
        return IdxLoader.fromFolder(IdxCollection.MNIST, folder);
    }

    /**
     * CIFAR-10: 50,000 training and 10,000 test colour photos, 32x32 RGB, 10 classes (airplane, automobile,
     * bird, cat, deer, dog, frog, horse, ship, truck); much harder than MNIST. Reads the binary version from
     * {@code folder} (the extracted {@code cifar-10-batches-bin}, or the folder holding it).
     */
    public static DatasetPair cifar10(Path folder) {
        return Cifar10Reader.read(folder);
    }

    /** CIFAR-10 from {@code cifar-10} in your dataset folder ({@link #home()}); it is never downloaded. */
    public static DatasetPair cifar10() {
        return Cifar10Reader.read(home().resolve("cifar-10"));
    }

    /**
     * Your own pictures, one sub-folder of {@code root} per class, resized to {@code height x width} in RGB.
     * Split it into training and validation parts with {@link ImageDataset#split(double, long)}.
     */
    public static ImageDataset imageFolder(Path root, int height, int width) {
        return imageFolder(root, height, width, ColorMode.RGB);
    }

    /** Your own pictures, as {@link #imageFolder(Path, int, int)}, in greyscale or RGB. */
    public static ImageDataset imageFolder(Path root, int height, int width, ColorMode mode) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("imageFolder needs a positive size. Received: height=" + height
                    + ", width=" + width);
        }
        return ImageFolderReader.read(root, height, width, mode);
    }

    /** Your dataset folder, holding one sub-folder per dataset (see the settings in the class comment). */
    public static Path home() {
        return Settings.datasetsHome();
    }

    private static ImageDataset sampleResource(String part, String imagesName, String labelsName) {
        String base = SAMPLE_FOLDER;
        IdxReader.Images images = IdxReader.readImages(base + imagesName, resource(base + imagesName));
        byte[] labelBytes = IdxReader.readLabels(base + labelsName, resource(base + labelsName));
        int[] labels = new int[labelBytes.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labelBytes[i] & 0xff;
        }
        return ImageDataset.wrap("Fashion-MNIST (sample) " + part, new ImageShape(1, images.rows(), images.columns()),
                images.pixels(), labels, IdxCollection.FASHION_MNIST.classNames);
    }

    private static InputStream resource(String name) {
        InputStream in = Datasets.class.getResourceAsStream(name);
        if (in == null) {
            throw new DatasetException("The built-in sample " + name + " is missing from cnnlab's jar (resource "
                    + "org/cnnlab/data/" + name + "). The jar is incomplete: rebuild or reinstall cnnlab.");
        }
        return in;
    }
}
