package org.cnnlab.weights;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cnnlab.Network;
import org.cnnlab.model.FlattenLayer;
import org.cnnlab.model.GlobalAvgPoolLayer;
import org.cnnlab.model.LayerInfo;

/**
 * One learned array of a built network, with the two names a weight file may give it: cnnlab's
 * ({@code conv1_1.weight}, the layer's name then PyTorch's parameter name) and torchvision's
 * ({@code features.0.weight}: layers before the flatten are {@code features.i}, layers after it
 * {@code classifier.j}, counting every layer as torchvision's {@code nn.Sequential} does).
 *
 * @param name            cnnlab's key, e.g. {@code fc6.weight}
 * @param torchvisionName torchvision's key, e.g. {@code classifier.0.weight}
 * @param parameter       the DJL parameter the numbers go into
 * @param shape           its shape, as PyTorch also lays it out: (out, in, kh, kw) and (out, in)
 */
record ParameterSlot(String name, String torchvisionName, Parameter parameter, long[] shape) {

    /** DJL's parameter names to PyTorch's: batch norm's gamma and beta are PyTorch's weight and bias. */
    private static final Map<String, String> TORCH_NAMES = Map.of("weight", "weight", "bias", "bias",
            "gamma", "weight", "beta", "bias", "runningMean", "running_mean", "runningVar", "running_var");

    static List<ParameterSlot> of(Network net) {
        List<ParameterSlot> slots = new ArrayList<>();
        List<Block> children = net.djl().block().getChildren().values();
        String section = "features";
        int position = 0;
        for (LayerInfo info : net.spec().infos()) {
            if (info.layer() instanceof FlattenLayer || info.layer() instanceof GlobalAvgPoolLayer) {
                section = "classifier";
                position = 0;
                continue;
            }
            for (Pair<String, Parameter> p : children.get(info.index() - 1).getParameters()) {
                String torch = TORCH_NAMES.getOrDefault(p.getKey(), p.getKey());
                slots.add(new ParameterSlot(info.name() + "." + torch, section + "." + position + "." + torch,
                        p.getValue(), p.getValue().getArray().getShape().getShape()));
            }
            position++;
        }
        return slots;
    }
}
