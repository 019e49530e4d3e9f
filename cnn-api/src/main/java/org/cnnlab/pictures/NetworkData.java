package org.cnnlab.pictures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import java.util.stream.Collectors;
import org.cnnlab.model.ConvLayer;
import org.cnnlab.model.LayerInfo;
import org.cnnlab.model.ModelSpec;

/** Reads what the pictures draw out of a built block into plain Java arrays, so no picture holds native memory. */
final class NetworkData {
    private NetworkData() {}

    /** The conv layer called {@code name}, or an error naming the conv layers there are. */
    static LayerInfo conv(ModelSpec spec, LayerInfo info, String what) {
        if (info.layer() instanceof ConvLayer) {
            return info;
        }
        String convs = convNames(spec);
        throw new IllegalArgumentException(what + " exist only in conv layers, and " + info.name() + " (layer "
                + info.index() + ") is " + info.layer().describe() + ". "
                + (convs.isEmpty() ? "This network has no conv layers." : "Its conv layers are: " + convs + "."));
    }

    static String convNames(ModelSpec spec) {
        return spec.infos().stream().filter(i -> i.layer() instanceof ConvLayer).map(LayerInfo::name)
                .collect(Collectors.joining(", "));
    }

    /** A conv layer's weights {@code [filter][input channel][row][column]}. */
    static float[][][][] weights(SequentialBlock block, LayerInfo conv) {
        NDArray w = parameter(block, conv, "weight");
        Shape s = w.getShape();
        float[] flat = w.toType(DataType.FLOAT32, false).toFloatArray();
        int out = (int) s.get(0);
        int in = (int) s.get(1);
        int kh = (int) s.get(2);
        int kw = (int) s.get(3);
        float[][][][] r = new float[out][in][kh][kw];
        int p = 0;
        for (int f = 0; f < out; f++) {
            for (int c = 0; c < in; c++) {
                for (int y = 0; y < kh; y++) {
                    System.arraycopy(flat, p, r[f][c][y], 0, kw);
                    p += kw;
                }
            }
        }
        return r;
    }

    /** A conv layer's biases, one per filter (zeros where the layer has none). */
    static float[] bias(SequentialBlock block, LayerInfo conv) {
        Block b = child(block, conv);
        Parameter p = b.getParameters().contains("bias") ? b.getParameters().get("bias") : null;
        return p == null ? new float[((ConvLayer) conv.layer()).filters()]
                : p.getArray().toType(DataType.FLOAT32, false).toFloatArray();
    }

    /** One image's activation {@code (1, C, H, W)} or {@code (C, H, W)} as {@code [channel][row][column]}. */
    static float[][][] chw(NDArray a) {
        Shape s = a.getShape();
        int d = s.dimension();
        if (d < 2 || (d == 4 && s.get(0) != 1) || d > 4) {
            throw new IllegalArgumentException("Expected one image as (H, W), (C, H, W) or (1, C, H, W). Received: "
                    + "an array of shape " + s + ".");
        }
        int c = d == 2 ? 1 : (int) s.get(d - 3);
        return chw(a.toType(DataType.FLOAT32, false).toFloatArray(), c, (int) s.get(d - 2), (int) s.get(d - 1));
    }

    static float[][][] chw(float[] flat, int c, int h, int w) {
        float[][][] r = new float[c][h][w];
        for (int k = 0; k < c; k++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(flat, (k * h + y) * w, r[k][y], 0, w);
            }
        }
        return r;
    }

    static float[] flat(float[][][] chw) {
        int c = chw.length;
        int h = chw[0].length;
        int w = chw[0][0].length;
        float[] r = new float[c * h * w];
        for (int k = 0; k < c; k++) {
            for (int y = 0; y < h; y++) {
                if (chw[k][y].length != w) {
                    throw new IllegalArgumentException("An image's rows must all have the same length; row " + y
                            + " of channel " + k + " has " + chw[k][y].length + " values, row 0 has " + w + ".");
                }
                System.arraycopy(chw[k][y], 0, r, (k * h + y) * w, w);
            }
        }
        return r;
    }

    private static NDArray parameter(SequentialBlock block, LayerInfo conv, String name) {
        return child(block, conv).getParameters().get(name).getArray();
    }

    private static Block child(SequentialBlock block, LayerInfo info) {
        List<Block> children = block.getChildren().values();
        return children.get(info.index() - 1);
    }
}
