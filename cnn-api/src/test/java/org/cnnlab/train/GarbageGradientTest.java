package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import java.util.List;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.data.ImageShape;
import org.junit.jupiter.api.Test;

/**
 * A training step whose loss is finite but whose gradient is not is computed again (twice at most), the guard
 * against libtorch's garbage convolution gradients (see {@link FlatTraining#step}). The defect itself comes and
 * goes with memory, so a network that is sure to produce such a gradient stands in for it: its scores are
 * {@code x * sqrt(w)}, finite at {@code w = 0}, where the gradient {@code x / (2 sqrt(w))} is infinite.
 */
class GarbageGradientTest {
    @Test
    void aFiniteLossWithAnInfiniteGradientIsComputedTwiceMoreThenApplied() {
        SqrtScores block = new SqrtScores(0f);
        assertEquals(3, forwardsForOneStep(block), "one pass and two more");
        assertFalse(Float.isFinite(block.after), "a gradient still not finite is applied as it is: " + block.after);
    }

    @Test
    void aFiniteGradientIsComputedOnce() {
        SqrtScores block = new SqrtScores(1f);
        assertEquals(1, forwardsForOneStep(block));
        assertTrue(Float.isFinite(block.after) && block.after != 1f, "one Adam step moved w: " + block.after);
    }

    private static int forwardsForOneStep(SqrtScores block) {
        ImageDataset data = ImageDataset.of("two pixels", new ImageShape(1, 1, 2), new byte[] {10, 20, 30, 40},
                new int[] {0, 1}, List.of("a", "b"));
        try (NDManager manager = Engine.getInstance().newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 1, 2));
            FlatTraining training = FlatTraining.start(block, manager, Optimizers.adam(1e-3),
                    Loss.softmaxCrossEntropyLoss(), null);
            assertNotNull(training, "the parameters could be made flat");
            try (training; NDManager batch = training.batchManager()) {
                block.forwards = 0;
                NDArray[] scoresAndLoss = training.step(batch, data, new int[] {0, 1}, () -> false);
                assertTrue(Float.isFinite(scoresAndLoss[1].getFloat()), "the loss is finite");
                block.after = block.weight().getFloat(0);
                return block.forwards;
            }
        }
    }

    /** Two class scores per image: {@code +-mean(x) * sqrt(w)}, one parameter {@code w}. */
    private static final class SqrtScores extends AbstractBlock {
        private final Parameter w;
        private int forwards;
        private float after;

        SqrtScores(float startsAt) {
            this.w = addParameter(Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(1)).optInitializer(new ConstantInitializer(startsAt)).build());
        }

        NDArray weight() {
            return w.getArray();
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            forwards++;
            NDArray x = inputs.head();
            NDArray mean = x.reshape(x.getShape().get(0), -1).mean(new int[] {1}, true);
            NDArray s = mean.mul(store.getValue(w, x.getDevice(), training).sqrt());
            return new NDList(s.concat(s.neg(), 1));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), 2)};
        }
    }
}
