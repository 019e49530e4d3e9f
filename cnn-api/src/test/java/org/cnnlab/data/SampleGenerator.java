package org.cnnlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the Fashion-MNIST sample packed in the jar ({@link Datasets#fashionMnistSample()}) from the full
 * dataset: 200 training and 50 test images per class, chosen at random with fixed seeds, kept in the
 * original order, written as gzipped idx files. Run it from the repository root when the full dataset is
 * at hand (Debian: {@code apt-get install dataset-fashion-mnist}):
 * <pre>
 * mvn -pl cnn-api test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.cnnlab.data.SampleGenerator [-Dexec.args="/path/to/fashion-mnist"]
 * </pre>
 * {@code SampleResourceTest} checks that the committed files are exactly what this produces.
 */
public final class SampleGenerator {
    static final int TRAIN_PER_CLASS = 200;
    static final int TEST_PER_CLASS = 50;
    static final long TRAIN_SEED = 20_170_828L;
    static final long TEST_SEED = 20_170_829L;
    static final Path TARGET = Path.of("cnn-api/src/main/resources/org/cnnlab/data", Datasets.SAMPLE_FOLDER);

    private SampleGenerator() {}

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        DatasetPair full = Datasets.fashionMnist(source);
        Files.createDirectories(TARGET);
        write(sample(full.train(), TRAIN_PER_CLASS, TRAIN_SEED), "train");
        write(sample(full.test(), TEST_PER_CLASS, TEST_SEED), "t10k");
        System.out.println("Wrote the sample to " + TARGET.toAbsolutePath());
    }

    /** The chosen images: {@code perClass} of every class, by seed, in the original order. */
    static ImageDataset sample(ImageDataset full, int perClass, long seed) {
        return full.select(Sampling.balancedSample(full::label, full.size(), full.classCount(), perClass, seed));
    }

    private static void write(ImageDataset part, String prefix) throws IOException {
        byte[] pixels = new byte[part.size() * part.shape().size()];
        byte[] labels = new byte[part.size()];
        for (int i = 0; i < part.size(); i++) {
            int[] p = part.pixels(i);
            for (int k = 0; k < p.length; k++) {
                pixels[i * p.length + k] = (byte) p[k];
            }
            labels[i] = (byte) part.label(i);
        }
        byte[] images = IdxFiles.images(part.size(), part.shape().height(), part.shape().width(), pixels);
        Files.write(TARGET.resolve(prefix + "-images-idx3-ubyte.gz"), IdxFiles.gzip(images));
        Files.write(TARGET.resolve(prefix + "-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(labels)));
    }
}
