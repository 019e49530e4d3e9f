package org.cnnlab.data;

import java.util.List;

/**
 * A dataset as published: a training set to learn from and a separate test set to measure the result on,
 * sharing one list of classes. Keep the test set out of every decision made during training (use
 * {@link ImageDataset#split(double, long)} of the training set for that); then its accuracy is an honest
 * estimate of how the model does on images it has never seen.
 *
 * <p>{@link #toString()} tells what was loaded and from where:
 * <pre>
 * Fashion-MNIST: train 60,000, test 10,000 images of 1x28x28, 10 classes
 *   classes: T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot
 *   from /usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist)
 * </pre>
 */
public final class DatasetPair {
    private final String name;
    private final ImageDataset train;
    private final ImageDataset test;
    private final String source;

    /** Pairs {@code train} and {@code test}, which must have the same image shape and classes. */
    public DatasetPair(String name, ImageDataset train, ImageDataset test, String source) {
        if (!train.shape().equals(test.shape()) || !train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException(name + ": train and test must share image shape and classes."
                    + " Received: train " + train.shape() + " " + train.classNames() + ", test " + test.shape()
                    + " " + test.classNames());
        }
        this.name = name;
        this.train = train;
        this.test = test;
        this.source = source;
    }

    /** The dataset's name, e.g. {@code Fashion-MNIST (sample)}. */
    public String name() {
        return name;
    }

    /** The images to learn from. */
    public ImageDataset train() {
        return train;
    }

    /** The images to measure the trained model on. */
    public ImageDataset test() {
        return test;
    }

    /** The classes both sets share; a label is an index into this list. */
    public List<String> classNames() {
        return train.classNames();
    }

    /** The shape of every image, e.g. {@code 1x28x28}. */
    public ImageShape shape() {
        return train.shape();
    }

    /** Where the data was loaded from: a folder, a download URL or a resource in the jar. */
    public String source() {
        return source;
    }

    /** Both sets fed to networks with {@code normalization}. */
    public DatasetPair normalized(Normalization normalization) {
        return new DatasetPair(name, train.normalized(normalization), test.normalized(normalization), source);
    }

    /**
     * Both sets standardised with the mean and standard deviation per channel of the <em>training</em> set
     * ({@link Normalization#fit}), so inputs are centred on 0 with spread 1.
     */
    public DatasetPair standardized() {
        return normalized(Normalization.fit(train));
    }

    @Override
    public String toString() {
        return name + ": train " + String.format("%,d", train.size()) + ", test " + String.format("%,d", test.size())
                + " images of " + shape() + ", " + classNames().size() + " classes"
                + (train.normalization().equals(Normalization.unit()) ? "" : ", " + train.normalization())
                + "\n  classes: " + String.join(", ", classNames())
                + "\n  from " + source;
    }
}
