package org.cnnlab.data;

/**
 * A training set cut in two by {@link ImageDataset#split(double, long)}: the part to learn from and the part
 * held back to check, during training, how well the model does on images it has not seen. Watching
 * validation accuracy (not test accuracy) is how you choose epochs, learning rates and architectures
 * while keeping the test set untouched for one final, honest measurement.
 *
 * @param train the images to train on
 * @param validation the held-back images
 */
public record Split(ImageDataset train, ImageDataset validation) {
    @Override
    public String toString() {
        return "Split[train " + train.size() + ", validation " + validation.size() + "]";
    }
}
