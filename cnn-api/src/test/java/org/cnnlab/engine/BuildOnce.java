package org.cnnlab.engine;

import org.cnnlab.Architectures;
import org.cnnlab.Network;

/** Builds LeNet-5 and predicts once, in a JVM of its own; prints what refused it, if anything. */
public final class BuildOnce {
    public static void main(String[] args) {
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            System.out.println("predicted: " + net.predict(new float[1][28][28]));
        } catch (RuntimeException e) {
            System.out.println("refused: " + e);
            System.exit(3);
        }
    }
}
