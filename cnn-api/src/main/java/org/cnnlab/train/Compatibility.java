package org.cnnlab.train;

import org.cnnlab.engine.DjlNetwork;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.data.ImageShape;
import org.cnnlab.geometry.GeometryException;
import org.cnnlab.geometry.Volume;

/** Checks that a dataset can feed a network before any batch is built, and says how to fix it when not. */
final class Compatibility {
    private Compatibility() {}

    static void check(DjlNetwork net, ImageDataset data, String role) {
        ImageShape s = data.shape();
        Volume in = net.spec().input();
        if (s.channels() != in.channels() || s.height() != in.height() || s.width() != in.width()) {
            throw new GeometryException("The " + role + " images do not fit this network. Received: " + data.name()
                    + " with images of " + s + " (channels x height x width); the network takes " + in + ".\n"
                    + "How to fix it: build the network for these images, e.g. Cnn.input(" + s.channels() + ", "
                    + s.height() + ", " + s.width() + ")... or Architectures.leNet5(" + s.channels() + ", "
                    + s.height() + ", " + data.classCount() + ").");
        }
        Volume out = net.spec().outputShape();
        int outputs = out.channels() * out.height() * out.width();
        if (!out.flat() || outputs < data.classCount()) {
            throw new GeometryException("The network's output " + out + " cannot score the " + data.classCount()
                    + " classes of " + data.name() + ": a classifier ends in dense(" + data.classCount()
                    + "), one score per class.\nHow to fix it: end the network with .flatten()...dense("
                    + data.classCount() + ").");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("The " + role + " dataset " + data.name() + " holds no images.");
        }
    }
}
