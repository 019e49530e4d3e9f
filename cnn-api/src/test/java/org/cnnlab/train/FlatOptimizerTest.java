package org.cnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.cnnlab.data.ImageDataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flat, whole-network update against a per-parameter one: two identical LeNet-5s trained on the same
 * batches, one each way, end with the same weights. SGD is compared with DJL's own per-parameter SGD; Adam with
 * the same rule applied one parameter array at a time through DJL's trainer (DJL's built-in Adam places
 * {@code eps} differently from PyTorch, see {@link FlatOptimizer}; {@link FlatOptimizerTorchTest} checks Adam
 * against PyTorch itself).
 */
class FlatOptimizerTest {
    static final DatasetPair DATA = Datasets.fashionMnistSample();
    static final double TOLERANCE = 1e-6;

    static List<OptimizerChoice> choices() {
        return List.of(Optimizers.adam(1e-3), Optimizers.adam(2e-3).withWeightDecay(1e-2), Optimizers.sgd(0.05),
                Optimizers.sgd(0.02, 0.9).withWeightDecay(5e-4));
    }

    @ParameterizedTest
    @MethodSource("choices")
    void theFlatUpdateEqualsDjlsPerParameterUpdate(OptimizerChoice choice) {
        ImageDataset train = DATA.train();
        List<int[]> batches = train.batches(64, 3).subList(0, 6);
        Seeds.set(5);
        try (Network perParameter = Architectures.leNet5(1, 28, 10).build()) {
            Seeds.set(5);
            try (Network flat = Architectures.leNet5(1, 28, 10).build()) {
                trainPerParameter(perParameter, choice, train, batches);
                trainFlat(flat, choice, train, batches);
                List<NDArray> a = trainable(perParameter);
                List<NDArray> b = trainable(flat);
                assertEquals(10, a.size(), "LeNet-5 has 5 weights and 5 biases");
                double worst = 0;
                double moved = 0;
                for (int i = 0; i < a.size(); i++) {
                    worst = Math.max(worst, a.get(i).sub(b.get(i)).abs().max().getFloat());
                }
                Seeds.set(5);
                try (Network untrained = Architectures.leNet5(1, 28, 10).build()) {
                    moved = trainable(untrained).get(0).sub(b.get(0)).abs().max().getFloat();
                }
                assertTrue(moved > 1e-4, "training moved the first filters (by " + moved + ")");
                assertTrue(worst <= TOLERANCE, choice + ": largest difference " + worst);
            }
        }
    }

    private static void trainPerParameter(Network net, OptimizerChoice choice, ImageDataset train,
                                          List<int[]> batches) {
        Loss loss = Loss.softmaxCrossEntropyLoss();
        Optimizer rule = choice.kind() == OptimizerChoice.Kind.SGD ? choice.toDjl() : new OnePerParameter(choice);
        try (Trainer trainer = net.djl().model().newTrainer(new DefaultTrainingConfig(loss).optOptimizer(rule))) {
            for (int[] indices : batches) {
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDList batch = train.batch(m, indices);
                    try (GradientCollector c = trainer.newGradientCollector()) {
                        NDArray scores = trainer.forward(new NDList(batch.get(0))).singletonOrThrow();
                        c.backward(loss.evaluate(new NDList(batch.get(1)), new NDList(scores)));
                    }
                    trainer.step();
                }
            }
        }
    }

    private static void trainFlat(Network net, OptimizerChoice choice, ImageDataset train, List<int[]> batches) {
        Loss loss = Loss.softmaxCrossEntropyLoss();
        try (NDManager session = net.djl().manager().newSubManager()) {
            FlatParameters flat = FlatParameters.attach(net.djl().block(), session);
            assertNotNull(flat, "the parameters could be moved into one flat array");
            FlatOptimizer optimizer = new FlatOptimizer(choice, flat.values(), session);
            for (int[] indices : batches) {
                try (NDManager m = session.newSubManager()) {
                    NDList batch = train.batch(m, indices);
                    FlatParameters.Step step;
                    try (GradientCollector c = m.getEngine().newGradientCollector()) {
                        step = flat.forStep(m);
                        NDArray scores = net.djl().block().forward(step, new NDList(batch.get(0)), true).singletonOrThrow();
                        c.backward(loss.evaluate(new NDList(batch.get(1)), new NDList(scores)));
                    }
                    optimizer.step(flat.values(), step.gradient());
                }
            }
            assertTrue(flat.attached(), "the network's parameters still view the flat array");
        }
    }

    /** The flat rule applied the DJL way: one parameter array at a time, each with its own state. */
    static final class OnePerParameter extends Optimizer {
        private final OptimizerChoice choice;
        private final Map<String, FlatOptimizer> perArray = new HashMap<>();

        OnePerParameter(OptimizerChoice choice) {
            super(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1f)));
            this.choice = choice;
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            perArray.computeIfAbsent(parameterId, id -> new FlatOptimizer(choice, weight, weight.getManager()))
                    .step(weight, grad);
        }
    }

    static List<NDArray> trainable(Network net) {
        List<NDArray> out = new ArrayList<>();
        for (Pair<String, Parameter> p : net.djl().block().getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue().getArray());
            }
        }
        return out;
    }
}
