package org.cnnlab.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs a file's tensors with a network's parameters, by cnnlab's name or torchvision's, and checks each
 * pair's shape. Either everything fits, or the exception lists all that does not, so one reading says
 * what to change.
 */
final class Matching {
    /** Counters PyTorch keeps beside batch norm's statistics; they are not weights. */
    private static final String IGNORED = "num_batches_tracked";
    private static final int SHOWN = 25;

    private Matching() {}

    /** Each slot with its tensor, in the network's order; or a {@link WeightMismatchException}. */
    static Map<ParameterSlot, StoredTensor> match(List<ParameterSlot> slots, Map<String, StoredTensor> file,
            Path source, String network) {
        Map<String, ParameterSlot> byName = new LinkedHashMap<>();
        for (ParameterSlot s : slots) {
            byName.put(s.name(), s);
            byName.putIfAbsent(s.torchvisionName(), s);
        }
        Map<ParameterSlot, StoredTensor> pairs = new LinkedHashMap<>();
        List<String> shapes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<ParameterSlot> seen = new HashSet<>();
        for (StoredTensor t : file.values()) {
            ParameterSlot s = byName.get(t.name());
            if (t.name().endsWith(IGNORED)) {
                continue;
            }
            if (s == null) {
                unknown.add(t.toString());
                continue;
            }
            seen.add(s);
            if (!Arrays.equals(s.shape(), t.shape())) {
                shapes.add(t.name() + ": the file has " + StoredTensor.shapeText(t.shape()) + ", " + s.name()
                        + " here is " + StoredTensor.shapeText(s.shape()));
            } else if (pairs.put(s, t) != null) {
                unknown.add(t.name() + " (a second tensor for " + s.name() + ")");
            }
        }
        List<String> missing = new ArrayList<>();
        for (ParameterSlot s : slots) {
            if (!seen.contains(s)) {
                missing.add(s.name() + " " + StoredTensor.shapeText(s.shape()) + " (torchvision: " + s.torchvisionName() + ")");
            }
        }
        if (!shapes.isEmpty() || !unknown.isEmpty() || !missing.isEmpty()) {
            throw mismatch(source, network, pairs.size(), slots.size(), shapes, unknown, missing);
        }
        return pairs;
    }

    private static WeightMismatchException mismatch(Path source, String network, int matched, int wanted,
            List<String> shapes, List<String> unknown, List<String> missing) {
        List<String> all = new ArrayList<>();
        StringBuilder b = new StringBuilder("The weights in " + source.getFileName() + " do not fit this network ("
                + network + "): " + matched + " of its " + wanted + " parameter arrays match by name and shape. "
                + "Nothing was loaded.");
        section(b, all, "Shapes that differ", shapes);
        section(b, all, "In the file, with no parameter of that name here", unknown);
        section(b, all, "Parameters here that the file does not have", missing);
        b.append("\nHow to fix it: load the file into the architecture it was saved from. torchvision's AlexNet is "
                + "Architectures.alexNetTorchvision(), not the paper's Architectures.alexNet(); torchvision's VGG-16 "
                + "is Architectures.vgg16(). Names may be cnnlab's (conv1_1.weight) or torchvision's "
                + "(features.0.weight).");
        return new WeightMismatchException(b.toString(), all);
    }

    private static void section(StringBuilder b, List<String> all, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        all.addAll(lines);
        b.append("\n").append(title).append(" (").append(lines.size()).append("):");
        lines.stream().limit(SHOWN).forEach(line -> b.append("\n  ").append(line));
        if (lines.size() > SHOWN) {
            b.append("\n  … and ").append(lines.size() - SHOWN).append(" more (see mismatches())");
        }
    }
}
