import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;
import org.cnnlab.Architectures;
import org.cnnlab.Network;
import org.cnnlab.data.DatasetPair;
import org.cnnlab.data.Datasets;
import org.cnnlab.data.ImageDataset;
import org.cnnlab.train.Seeds;

/**
 * The baseline: the smallest DJL training loop one would write by hand for the same network, data and
 * optimizer (same batch path, same DJL Trainer), reading nothing back per batch.
 */
public class HandLoop {
    public static void main(String[] args) {
        int epochs = Integer.parseInt(args.length > 0 ? args[0] : "2");
        int batch = Integer.parseInt(args.length > 1 ? args[1] : "256");
        DatasetPair data = Datasets.fashionMnist();
        ImageDataset train = data.train();
        Seeds.set(1);
        try (Network net = Architectures.leNet5(1, 28, 10).build()) {
            Model model = net.djl().model();
            Loss loss = Loss.softmaxCrossEntropyLoss();
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                long t0 = System.nanoTime();
                for (int e = 0; e < epochs; e++) {
                    for (int[] indices : train.batches(batch, 100 + e)) {
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDList b = train.batch(m, indices);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray out = trainer.forward(new NDList(b.get(0))).singletonOrThrow();
                                gc.backward(loss.evaluate(new NDList(b.get(1)), new NDList(out)));
                            }
                            trainer.step();
                        }
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "RESULT hand images_per_second=%.0f seconds=%.2f%n",
                        epochs * train.size() / seconds, seconds);
            }
        }
    }
}
