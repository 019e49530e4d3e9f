package org.cnnlab.weights;

import java.nio.file.Path;

/**
 * What {@link Weights#load} did: which file, how many arrays and numbers it copied in.
 *
 * @param file        the file read
 * @param arrays      parameter arrays filled (two per conv or dense layer: weight and bias)
 * @param numbers     numbers copied
 * @param torchvision true when the file used torchvision's names ({@code features.0.weight})
 */
public record WeightImport(Path file, int arrays, long numbers, boolean torchvision) {
    @Override
    public String toString() {
        return "Loaded " + arrays + " arrays (" + String.format("%,d", numbers) + " numbers) from " + file.getFileName()
                + ", matched by " + (torchvision ? "torchvision's names (features.i, classifier.j)" : "name") + " and shape.";
    }
}
