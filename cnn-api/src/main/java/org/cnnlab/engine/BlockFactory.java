package org.cnnlab.engine;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import org.cnnlab.geometry.Window;
import org.cnnlab.model.ActivationLayer;
import org.cnnlab.model.BatchNormLayer;
import org.cnnlab.model.ConvLayer;
import org.cnnlab.model.DenseLayer;
import org.cnnlab.model.DropoutLayer;
import org.cnnlab.model.FlattenLayer;
import org.cnnlab.model.GlobalAvgPoolLayer;
import org.cnnlab.model.Layer;
import org.cnnlab.model.ModelSpec;
import org.cnnlab.model.PoolLayer;

/**
 * Builds the DJL block for a description. The children of the returned {@link SequentialBlock} are the
 * described layers in order, one each, so that layer {@code i}'s activations and parameters are child
 * {@code i - 1}. Shapes are not recomputed here: the description has already checked them, and DJL's own
 * arithmetic (which floors silently) is never the judge.
 */
public final class BlockFactory {
    private BlockFactory() {}

    public static SequentialBlock build(ModelSpec spec) {
        SequentialBlock net = new SequentialBlock();
        for (Layer layer : spec.layers()) {
            net.add(block(layer));
        }
        return net;
    }

    static Block block(Layer layer) {
        if (layer instanceof ConvLayer) {
            ConvLayer c = (ConvLayer) layer;
            return Conv2d.builder()
                    .setFilters(c.filters())
                    .setKernelShape(sizes(c.height(), c.width()))
                    .optStride(new Shape(c.height().stride(), c.width().stride()))
                    .optPadding(new Shape(c.height().pad(), c.width().pad()))
                    .optGroups(c.groups())
                    .build();
        }
        if (layer instanceof PoolLayer) {
            PoolLayer p = (PoolLayer) layer;
            Shape stride = new Shape(p.height().stride(), p.width().stride());
            Shape pad = new Shape(p.height().pad(), p.width().pad());
            return p.type() == PoolLayer.Kind.MAX
                    ? Pool.maxPool2dBlock(sizes(p.height(), p.width()), stride, pad)
                    : Pool.avgPool2dBlock(sizes(p.height(), p.width()), stride, pad);
        }
        if (layer instanceof ActivationLayer) {
            switch (((ActivationLayer) layer).function()) {
                case RELU:
                    return Activation.reluBlock();
                case SIGMOID:
                    return Activation.sigmoidBlock();
                default:
                    return Activation.tanhBlock();
            }
        }
        if (layer instanceof BatchNormLayer) {
            return BatchNorm.builder().build();
        }
        if (layer instanceof DropoutLayer) {
            return Dropout.builder().optRate((float) ((DropoutLayer) layer).rate()).build();
        }
        if (layer instanceof FlattenLayer) {
            return Blocks.batchFlattenBlock();
        }
        if (layer instanceof GlobalAvgPoolLayer) {
            // The mean over height and width, (N, C, H, W) to (N, C). DJL's Pool.globalAvgPool2dBlock goes
            // through PyTorch's adaptive pooling, whose training here gave NaN losses on some runs; a plain
            // mean has a simple, well-trodden gradient.
            return new LambdaBlock(list -> {
                NDArray x = list.singletonOrThrow();
                return new NDList(x.reshape(new Shape(x.getShape().get(0), x.getShape().get(1), -1)).mean(new int[] {2}));
            }, "globalAvgPool");
        }
        return Linear.builder().setUnits(((DenseLayer) layer).units()).build();
    }

    private static Shape sizes(Window h, Window w) {
        return new Shape(h.size(), w.size());
    }
}
